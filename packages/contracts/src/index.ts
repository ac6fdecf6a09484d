export * from './api/analysis.js';
export * from './api/audit.js';
export * from './api/auth.js';
export * from './api/bulletin.js';
export * from './api/campaign.js';
export * from './api/common.js';
export * from './api/employer.js';
export * from './api/exchange.js';
export * from './api/expert.js';
export * from './api/hazard.js';
export * from './api/home.js';
export * from './api/import.js';
export * from './api/injury.js';
export * from './api/inspection.js';
export * from './api/ledger.js';
export * from './api/monitoring.js';
export * from './api/notifications.js';
export * from './api/org.js';
export * from './api/panel.js';
export * from './api/person.js';
export * from './api/provider.js';
export * from './api/report.js';
export * from './api/risk.js';
export * from './api/security.js';
export * from './api/users.js';
export * from './codes.js';
export * from './identifiers.js';
export * from './industries.js';
export * from './injury-codes.js';
export * from './money.js';
export * from './panel-draw.js';
export * from './password-policy.js';
export * from './permissions.js';
export * from './roles.js';

import { z } from 'zod';

// Zod's own messages (type mismatches and the like) in Chinese, for the server and the web alike.
z.config(z.locales.zhCN());
