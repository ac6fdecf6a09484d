import { COMPARATORS, formatFen } from '@yufang/contracts';
import { Collapse, Descriptions } from 'antd';
import { useAssignmentApplication } from './api';

/** The application under review, for the expert's own assignment (no personal data); nothing for other panels. */
export function ReviewApplication({ memberId }: { memberId: string }) {
  const app = useAssignmentApplication(memberId);
  const a = app.data;
  if (!a) return null;
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 12 }}
      items={[
        {
          key: 'application',
          label: `申报内容：${a.code ?? ''} ${a.title}（${a.typeLabel}，申请 ${formatFen(a.requestedFen)} 元）`,
          children: (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="申报单位">{`${a.applicantName}（${a.applicantKindLabel}，${a.countyName}）`}</Descriptions.Item>
              <Descriptions.Item label="项目内容">{a.content}</Descriptions.Item>
              <Descriptions.Item label="目标人群">
                {a.targetGroups.map((g) => `${g.group} ${g.count} 人`).join('；')}
              </Descriptions.Item>
              <Descriptions.Item label="实施进度">
                {a.schedule.map((m) => `${m.name}（${m.dueOn}）`).join('；')}
              </Descriptions.Item>
              <Descriptions.Item label="预算明细">
                {a.budgetLines.map((b) => `${b.item} ${formatFen(b.amountFen)} 元`).join('；')}
              </Descriptions.Item>
              <Descriptions.Item label="绩效指标">
                {a.targets.map((x) => `${x.label} ${COMPARATORS[x.comparator]} ${x.value}${x.unit}`).join('；')}
              </Descriptions.Item>
            </Descriptions>
          ),
        },
      ]}
    />
  );
}
