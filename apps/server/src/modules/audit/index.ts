import { AuditFilter, AuditPage, AuditQuery, AuditVerifyResult, type AuditView } from '@yufang/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAuditEvent, verifyAuditChain } from '../../core/audit/audit.js';
import { actorOf } from '../../core/auth/plugin.js';
import { sendExcel } from '../../core/http/excel.js';
import { decodeCursor, toPage } from '../../core/http/pagination.js';
import { type AuditRow, listAudit } from './audit.repo.js';

const tags = ['审计'];
const EXPORT_PAGE = 2000;

function present(r: AuditRow): AuditView {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    userId: r.userId,
    username: r.username,
    roles: r.roles,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    changes: r.changes,
    result: r.result,
    ip: r.ip,
    requestId: r.requestId,
  };
}

/** The audit administrator's view of the trail: filter, export and verify the hash chain. */
export const auditModule: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.core;

  app.get(
    '/audit',
    {
      config: { access: 'audit.log.read' },
      schema: { tags, summary: '审计日志查询', querystring: AuditQuery, response: { 200: AuditPage } },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      const key = decodeCursor(cursor, 1);
      const rows = await listAudit(db, filter, key ? BigInt(key[0] as string) : null, limit + 1);
      return toPage(rows, limit, (r) => [String(r.id)], present);
    },
  );

  app.get(
    '/audit/export',
    {
      config: { access: 'audit.log.export' },
      schema: { tags, summary: '导出审计日志（Excel）', querystring: AuditFilter },
    },
    async (req, reply) => {
      await recordAuditEvent(db, actorOf(req), {
        action: 'audit.log.export',
        objectType: 'audit_log',
        changes: { filter: req.query },
      });
      async function* pages() {
        let before: bigint | null = null;
        for (;;) {
          const rows = await listAudit(db, req.query, before, EXPORT_PAGE);
          if (rows.length === 0) return;
          yield rows;
          before = (rows[rows.length - 1] as AuditRow).id;
        }
      }
      const columns = [
        { header: '编号', width: 10, value: (r: AuditRow) => String(r.id) },
        {
          header: '时间（北京时间）',
          width: 22,
          value: (r: AuditRow) => r.at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
        },
        { header: '用户', value: (r: AuditRow) => r.username },
        { header: '角色', value: (r: AuditRow) => r.roles.join(',') },
        { header: '操作', width: 26, value: (r: AuditRow) => r.action },
        { header: '对象类型', value: (r: AuditRow) => r.objectType },
        { header: '对象编号', width: 38, value: (r: AuditRow) => r.objectId },
        { header: '结果', width: 10, value: (r: AuditRow) => (r.result === 'success' ? '成功' : '失败') },
        { header: '来源地址', value: (r: AuditRow) => r.ip },
        { header: '请求编号', width: 38, value: (r: AuditRow) => r.requestId },
        {
          header: '变更内容',
          width: 60,
          value: (r: AuditRow) => (r.changes === null ? null : JSON.stringify(r.changes)),
        },
        { header: '哈希', width: 66, value: (r: AuditRow) => r.hash },
      ];
      return sendExcel(reply, `审计日志-${new Date().toISOString().slice(0, 10)}.xlsx`, '审计日志', columns, pages());
    },
  );

  app.get(
    '/audit/verify',
    {
      config: { access: 'audit.chain.verify' },
      schema: { tags, summary: '校验审计日志哈希链', response: { 200: AuditVerifyResult } },
    },
    async (req) => {
      const result = await verifyAuditChain(db);
      await recordAuditEvent(db, actorOf(req), {
        action: 'audit.chain.verify',
        objectType: 'audit_log',
        result: result.ok ? 'success' : 'failure',
        changes: result,
      });
      return result;
    },
  );
};
