import { z } from 'zod';

export const ErrorCode = z.enum([
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'RATE_LIMITED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldError = z.object({ field: z.string(), message: z.string() });

/** Every error the API returns: a code, a message a clerk can act on (in Chinese), the fields at fault. */
export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  fields: z.array(FieldError).optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Keyset pagination: `cursor` is the opaque key of the last row of the previous page. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1, '每页条数至少为 1').max(200, '每页条数最多 200').default(50),
  cursor: z.string().max(500).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const IdParams = z.object({ id: z.uuid('编号格式不正确') });

/** ISO timestamp in UTC; the web shows it in Asia/Shanghai. */
export const Timestamp = z.string();

/** Chinese names of fields, used to name the field in validation messages. */
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  displayName: '姓名',
  email: '电子邮箱',
  regionCode: '所属区划',
  unitCode: '所属单位',
  employerId: '所属用人单位',
  roles: '角色',
  scope: '数据范围',
  version: '版本号',
  limit: '每页条数',
  cursor: '翻页标记',
  id: '编号',
  from: '开始时间',
  to: '结束时间',
  q: '关键字',
  // employer registry
  name: '名称',
  legalRepresentative: '法定代表人',
  address: '地址',
  countyCode: '所在县（市、区）',
  industryCode: '行业',
  industryGroup: '行业中类',
  riskClass: '行业风险类别',
  ownershipType: '登记注册类型',
  size: '企业规模',
  workforce: '职工人数',
  safetyContactName: '安全联系人',
  safetyContactPhone: '安全联系人电话',
  keyIndustry: '重点行业',
  dustHazard: '粉尘危害行业',
  insuranceStatus: '参保状态',
  // insured persons
  idNumber: '身份证号码',
  convertLegacyId: '旧版号码转换',
  job: '岗位（工种）',
  keyRole: '关键岗位',
  insuredFrom: '参保日期',
  insuredTo: '停保日期',
  active: '在保状态',
  // injury, disease and accident records
  caseNo: '编号',
  workerName: '职工姓名',
  occurredAt: '发生时间',
  place: '发生地点',
  accidentCategory: '事故类别',
  injuryNature: '受伤性质',
  bodyPart: '受伤部位',
  cause: '起因物',
  harmingObject: '致害物',
  activity: '作业活动',
  severity: '伤害程度',
  lostWorkdays: '损失工作日',
  commuting: '上下班途中',
  recognitionResult: '认定结论',
  recognitionDate: '认定日期',
  disabilityGrade: '伤残等级',
  disabilityAssessedOn: '鉴定日期',
  accidentId: '关联事故',
  item: '支出项目',
  amountFen: '金额',
  paidOn: '支付日期',
  diagnosedOn: '诊断日期',
  catalogueEdition: '职业病目录版本',
  categoryNo: '病种分类',
  diseaseName: '职业病名称',
  stage: '尘肺病期别',
  exposureMonths: '接害工龄',
  hazardFactor: '职业病危害因素',
  accidentNo: '事故编号',
  category: '事故类别',
  deaths: '死亡人数',
  seriousInjuries: '重伤人数',
  minorInjuries: '轻伤人数',
  directLossFen: '直接经济损失',
  summary: '简要经过',
  year: '年份',
  county: '县（市、区）',
  industry: '行业',
  recognition: '认定结论',
  on: '事故日期',
  // typical-case bulletins
  title: '标题',
  narrative: '事故经过',
  causes: '原因分析',
  lessons: '教训与防范措施',
  targeting: '推送范围',
  industryCodes: '推送行业',
  riskClasses: '推送风险类别',
  countyCodes: '推送县（市、区）',
  reason: '理由',
  safetyHeadName: '安全负责人姓名',
  sourceId: '案例',
  sourceKind: '案例类型',
  // joint inspections
  startOn: '开始日期',
  endOn: '结束日期',
  leadUnitCode: '牵头单位',
  unitCodes: '参加单位',
  items: '检查项',
  employerIds: '检查对象',
  visitedOn: '检查日期',
  itemResults: '检查结果',
  findings: '发现问题',
  // prevention fund and projects
  incomeFen: '征缴收入',
  spendingFen: '基金支出',
  budgetFen: '预算金额',
  voucherNo: '转账凭证号',
  transferredOn: '转账日期',
  contentBase64: '导入文件',
  fileName: '文件名',
  prepaymentPct: '预付款比例',
  contractFen: '合同金额',
  approvedFen: '立项金额',
  requestedFen: '申请金额',
  budgetLines: '预算明细',
  targets: '绩效指标',
  schedule: '实施进度',
  route: '采购方式',
  providerId: '实施单位',
  callId: '申报指南',
  deadline: '申报截止日期',
  types: '项目类型',
  mix: '专家构成',
  endsOn: '合同截止日期',
};
