import {
  type AccidentView,
  type DiseaseCaseView,
  INJURY_SEVERITIES,
  type InjuryCaseView,
  RECOGNITION_RESULTS,
} from '@yufang/contracts';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { recordAuditEvent } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { actorOf } from '../../core/auth/plugin.js';
import { type ExcelColumn, sendExcel } from '../../core/http/excel.js';

const yesNo = (v: boolean) => (v ? '是' : '否');
const beijing = (iso: string) =>
  new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const sexName = (s: string | null) => (s === '1' ? '男' : s === '2' ? '女' : null);

// ID numbers leave the system masked only (docs/decisions/0002-exports-mask-personal-data.md)
const workerColumns = <R extends InjuryCaseView | DiseaseCaseView>(): ExcelColumn<R>[] => [
  { header: '用人单位', width: 32, value: (r) => r.employerName },
  { header: '县（市、区）', width: 12, value: (r) => r.countyName },
  { header: '行业', width: 24, value: (r) => `${r.industryGroup ?? r.industryCode} ${r.industryName}` },
  { header: '重点行业', width: 10, value: (r) => yesNo(r.keyIndustry) },
  { header: '职工姓名', width: 10, value: (r) => r.workerName },
  { header: '身份证号码（脱敏）', width: 20, value: (r) => r.idMasked },
  { header: '性别', width: 6, value: (r) => sexName(r.sex) },
  { header: '年龄', width: 6, value: (r) => r.age },
  { header: '岗位（工种）', width: 14, value: (r) => r.job },
  { header: '本单位参保月数', width: 10, value: (r) => r.tenureMonths },
];

export const INJURY_EXPORT: ExcelColumn<InjuryCaseView>[] = [
  { header: '编号', width: 22, value: (r) => r.caseNo },
  { header: '发生时间', width: 17, value: (r) => beijing(r.occurredAt) },
  ...workerColumns<InjuryCaseView>(),
  { header: '发生地点', width: 24, value: (r) => r.place },
  { header: '事故类别', width: 12, value: (r) => r.accidentCategoryName },
  { header: '受伤性质', width: 12, value: (r) => r.injuryNature },
  { header: '受伤部位', width: 10, value: (r) => r.bodyPart },
  { header: '起因物', width: 12, value: (r) => r.cause },
  { header: '致害物', width: 12, value: (r) => r.harmingObject },
  { header: '伤害程度', width: 8, value: (r) => INJURY_SEVERITIES[r.severity] },
  { header: '损失工作日', width: 10, value: (r) => r.lostWorkdays },
  { header: '上下班途中', width: 10, value: (r) => yesNo(r.commuting) },
  { header: '认定结论', width: 12, value: (r) => RECOGNITION_RESULTS[r.recognitionResult] },
  { header: '认定日期', width: 12, value: (r) => r.recognitionDate },
  { header: '伤残等级', width: 8, value: (r) => r.disabilityGrade },
  { header: '关联事故', width: 20, value: (r) => r.accidentNo },
  { header: '基金支出（元）', width: 14, value: (r) => yuan(r.totalCostFen) },
];

export const DISEASE_EXPORT: ExcelColumn<DiseaseCaseView>[] = [
  { header: '病例编号', width: 22, value: (r) => r.caseNo },
  { header: '诊断日期', width: 12, value: (r) => r.diagnosedOn },
  ...workerColumns<DiseaseCaseView>(),
  { header: '目录版本', width: 8, value: (r) => r.catalogueEdition },
  { header: '病种分类', width: 28, value: (r) => r.categoryName },
  { header: '职业病名称', width: 20, value: (r) => r.diseaseName },
  { header: '尘肺病', width: 8, value: (r) => yesNo(r.pneumoconiosis) },
  { header: '期别', width: 6, value: (r) => r.stage },
  { header: '接害工龄（月）', width: 12, value: (r) => r.exposureMonths },
  { header: '危害因素', width: 12, value: (r) => r.hazardFactor },
  { header: '认定结论', width: 12, value: (r) => RECOGNITION_RESULTS[r.recognitionResult] },
  { header: '伤残等级', width: 8, value: (r) => r.disabilityGrade },
];

export const ACCIDENT_EXPORT: ExcelColumn<AccidentView>[] = [
  { header: '事故编号', width: 22, value: (r) => r.accidentNo },
  { header: '发生时间', width: 17, value: (r) => beijing(r.occurredAt) },
  { header: '县（市、区）', width: 12, value: (r) => r.countyName },
  { header: '用人单位', width: 32, value: (r) => r.employerName },
  { header: '事故类别', width: 12, value: (r) => r.categoryName },
  { header: '死亡人数', width: 8, value: (r) => r.deaths },
  { header: '重伤人数', width: 8, value: (r) => r.seriousInjuries },
  { header: '轻伤人数', width: 8, value: (r) => r.minorInjuries },
  { header: '直接经济损失（元）', width: 16, value: (r) => yuan(r.directLossFen) },
  { header: '事故等级', width: 12, value: (r) => r.legalGradeName },
  { header: '简要经过', width: 40, value: (r) => r.summary },
];

interface ExportSpec<F extends z.ZodType, R> {
  url: string;
  summary: string;
  tags: string[];
  filter: F;
  /** Audit action and the file / sheet name. */
  action: string;
  title: string;
  columns: ExcelColumn<R>[];
  pages(actor: Actor, filter: z.infer<F>): AsyncIterable<R[]>;
}

/** An audited .xlsx export of a record list with the list's filters (injury.export). */
export function exportRoute<F extends z.ZodType, R>(spec: ExportSpec<F, R>): FastifyPluginAsyncZod {
  return async (app: FastifyInstance) => {
    app.get(
      spec.url,
      {
        config: { access: 'injury.export' },
        schema: { tags: spec.tags, summary: spec.summary, querystring: spec.filter },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const filter = req.query as z.infer<F>;
        await recordAuditEvent(app.core.db, actor, { action: spec.action, objectType: 'injury', changes: { filter } });
        const date = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
        return sendExcel(reply, `${spec.title}-${date}.xlsx`, spec.title, spec.columns, spec.pages(actor, filter));
      },
    );
  };
}
