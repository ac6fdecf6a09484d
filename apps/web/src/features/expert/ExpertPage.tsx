import { FileOutlined, UploadOutlined } from '@ant-design/icons';
import {
  EXPERT_PROFILE_FIELDS,
  type ExpertDetail,
  type ExpertEventView,
  PANEL_MEMBER_STATUSES,
  PANEL_PURPOSES,
} from '@yufang/contracts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  List,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText, showApiError } from '../../api/errors';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { documentUrl, useExpert, useUnmaskExpert, useUploadExpertDocument } from './api';
import { AddRecord, ExpertActions } from './ExpertActions';
import { EditExpertButton } from './ExpertDrawer';
import { STATUS_COLORS, TermTag } from './labels';

function eventColor(e: ExpertEventView): string {
  if (e.kind === 'reject' || e.kind === 'dismiss' || e.kind === 'discipline') return 'red';
  if (e.kind === 'appoint' || e.kind === 'renew') return 'green';
  if (e.kind === 'reminder') return 'gray';
  return 'blue';
}

/** What an event's detail says, in a line (term dates, assessment result, domains changed). */
function eventDetail(e: ExpertEventView): string {
  const d = e.detail as Record<string, unknown>;
  const parts: string[] = [];
  if (d.termStart && d.termEnd && (e.kind === 'appoint' || e.kind === 'renew'))
    parts.push(`聘期 ${d.termStart} ~ ${d.termEnd}`);
  if (d.resultLabel) parts.push(`考核结果：${d.resultLabel}`);
  if (d.kindLabel) parts.push(String(d.kindLabel));
  if (d.suspendedUntil) parts.push(`暂停至 ${d.suspendedUntil}`);
  if (d.sourceCity) parts.push(`来源：${d.sourceCity}`);
  if (d.termEnd && e.kind === 'reminder') parts.push(`聘期 ${d.termEnd} 届满，提前 ${d.days} 天提醒`);
  if (e.kind === 'profile' && Array.isArray(d.fields)) {
    const names = d.fields.map((f) => EXPERT_PROFILE_FIELDS[f as keyof typeof EXPERT_PROFILE_FIELDS] ?? String(f));
    parts.push(`修改了${names.join('、')}`);
  }
  if (d.note) parts.push(String(d.note));
  return parts.join('；');
}

function Unmask({ expert }: { expert: ExpertDetail }) {
  const { t } = useTranslation();
  const unmask = useUnmaskExpert(expert.id);
  if (!expert.canUnmask) return null;
  return unmask.data ? (
    <Typography.Text copyable>{`${unmask.data.idNumber} / ${unmask.data.mobile}`}</Typography.Text>
  ) : (
    <Button
      size="small"
      title={t('expert.unmaskHint')}
      onClick={() => unmask.mutate(undefined, { onError: showApiError })}
    >
      {t('expert.unmask')}
    </Button>
  );
}

function Documents({ expert }: { expert: ExpertDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const upload = useUploadExpertDocument(expert.id, me.csrfToken);
  const [progress, setProgress] = useState(0);
  return (
    <Card size="small" title={t('expert.documents')} style={{ marginTop: 16 }}>
      <List
        size="small"
        dataSource={expert.documents}
        locale={{ emptyText: t('expert.none') }}
        renderItem={(d) => (
          <List.Item>
            <a href={documentUrl(expert.id, d.id)} target="_blank" rel="noreferrer">
              <FileOutlined /> {d.fileName}
            </a>
            <Typography.Text type="secondary">{formatDateTime(d.uploadedAt)}</Typography.Text>
          </List.Item>
        )}
      />
      {expert.canManage ? (
        <Upload
          accept=".jpg,.jpeg,.png,.pdf,.docx"
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            upload.mutate(
              { file, onProgress: setProgress },
              { onSuccess: () => feedback.message.success(t('expert.uploaded')), onError: showApiError },
            );
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending}>
            {upload.isPending ? `${progress}%` : t('expert.upload')}
          </Button>
        </Upload>
      ) : null}
    </Card>
  );
}

/** One expert's file: profile, relationships, qualifications, appointment timeline, discipline and assignments. */
export default function ExpertPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useExpert(id);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const e: ExpertDetail = query.data;
  const none = <Typography.Text type="secondary">{t('expert.none')}</Typography.Text>;

  const profile = (
    <Descriptions bordered size="small" column={2}>
      <Descriptions.Item label={t('expert.name')}>{e.name}</Descriptions.Item>
      <Descriptions.Item label={`${t('expert.idNumber')} / ${t('expert.mobile')}`}>
        <Flex gap={8} align="center" wrap>
          {`${e.idMasked} / ${e.phoneMasked}`} <Unmask expert={e} />
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('expert.workUnit')}>
        {e.workUnit}
        {e.employerId ? <Tag style={{ marginLeft: 8 }}>已关联用人单位</Tag> : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('expert.title_')}>{e.title}</Descriptions.Item>
      <Descriptions.Item label={t('expert.domains')}>
        {e.domainLabels.map((l) => (
          <Tag key={l}>{l}</Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('expert.group')}>{e.groupName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('expert.county')}>{e.countyName}</Descriptions.Item>
      <Descriptions.Item label={t('expert.term')}>
        <TermTag expert={e} />
      </Descriptions.Item>
      <Descriptions.Item label={t('expert.shareConsent')}>
        {e.shareConsent ? t('common.yes') : t('common.no')}
      </Descriptions.Item>
      <Descriptions.Item label={t('expert.sourceCity')}>{e.sourceCity ?? '本市'}</Descriptions.Item>
    </Descriptions>
  );

  const items = [
    { key: 'profile', label: t('expert.tabs.profile'), children: profile },
    {
      key: 'relations',
      label: t('expert.tabs.relations'),
      children: (
        <>
          {e.canManage ? <AddRecord expert={e} kind="relations" /> : null}
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={e.relations}
            locale={{ emptyText: none }}
            columns={[
              { title: t('expert.relationKind'), dataIndex: 'kindLabel', width: 100 },
              { title: t('expert.partyName'), dataIndex: 'partyName' },
              { title: t('expert.partyUscc'), dataIndex: 'partyUscc', width: 190 },
              { title: t('expert.nature'), dataIndex: 'nature', width: 110 },
              { title: t('expert.declaredOn'), dataIndex: 'declaredOn', width: 110 },
              { title: t('expert.endedOn'), dataIndex: 'endedOn', width: 110 },
            ]}
          />
        </>
      ),
    },
    {
      key: 'qualifications',
      label: t('expert.tabs.qualifications'),
      children: (
        <>
          {e.canManage ? <AddRecord expert={e} kind="qualifications" /> : null}
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={e.qualifications}
            locale={{ emptyText: none }}
            columns={[
              { title: t('expert.qualificationName'), dataIndex: 'name' },
              { title: t('expert.qualificationNumber'), dataIndex: 'number', width: 140 },
              { title: t('expert.issuer'), dataIndex: 'issuer' },
              { title: t('expert.validUntil'), dataIndex: 'validUntil', width: 110 },
            ]}
          />
          <Documents expert={e} />
        </>
      ),
    },
    {
      key: 'timeline',
      label: t('expert.tabs.timeline'),
      children: (
        <Timeline
          items={e.events.map((ev) => ({
            color: eventColor(ev),
            content: (
              <>
                <Typography.Text strong>{ev.kindLabel}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {formatDateTime(ev.at)} · {ev.actorName}
                </Typography.Text>
                {eventDetail(ev) ? <div>{eventDetail(ev)}</div> : null}
                {ev.reason ? <div>{`${t('expert.reason')}：${ev.reason}`}</div> : null}
              </>
            ),
          }))}
        />
      ),
    },
    {
      key: 'discipline',
      label: t('expert.tabs.discipline'),
      children: (
        <>
          <Flex gap={8}>
            {e.canManage && e.status === 'appointed' ? <AddRecord expert={e} kind="discipline" /> : null}
            {e.canManage ? <AddRecord expert={e} kind="unavailability" /> : null}
          </Flex>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={e.discipline}
            locale={{ emptyText: none }}
            columns={[
              { title: t('expert.disciplineKind'), dataIndex: 'kindLabel', width: 100 },
              { title: t('expert.recordedOn'), dataIndex: 'recordedOn', width: 110 },
              { title: t('expert.suspendedUntil'), dataIndex: 'suspendedUntil', width: 110 },
              { title: t('expert.reason'), dataIndex: 'reason' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('expert.unavailability')}
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={e.unavailability}
            locale={{ emptyText: none }}
            columns={[
              { title: t('expert.fromDate'), dataIndex: 'fromDate', width: 110 },
              { title: t('expert.toDate'), dataIndex: 'toDate', width: 110 },
              { title: t('expert.reason'), dataIndex: 'reason' },
            ]}
          />
        </>
      ),
    },
    {
      key: 'assignments',
      label: t('expert.tabs.assignments'),
      children: (
        <Table
          rowKey="panelId"
          size="small"
          pagination={false}
          dataSource={e.assignments}
          locale={{ emptyText: none }}
          columns={[
            { title: t('expert.panel'), dataIndex: 'subject' },
            {
              title: t('expert.purpose'),
              dataIndex: 'purpose',
              width: 100,
              render: (p: string) => PANEL_PURPOSES[p as keyof typeof PANEL_PURPOSES] ?? p,
            },
            { title: t('expert.drawnOn'), dataIndex: 'drawnOn', width: 110 },
            {
              title: t('expert.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: string) => PANEL_MEMBER_STATUSES[s as keyof typeof PANEL_MEMBER_STATUSES] ?? s,
            },
            { title: t('expert.score'), dataIndex: 'total', width: 70 },
          ]}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={
          <>
            {e.name} <Tag color={STATUS_COLORS[e.status]}>{e.statusLabel}</Tag>
            {e.suspendedUntil ? <Tag color="volcano">{t('expert.suspended', { date: e.suspendedUntil })}</Tag> : null}
          </>
        }
        subTitle={`${e.workUnit} · ${e.title}`}
        extra={
          <Flex gap={8} wrap>
            {e.canManage ? <EditExpertButton expert={e} /> : null}
            <ExpertActions expert={e} />
          </Flex>
        }
      />
      <Card>
        <Tabs items={items} />
      </Card>
    </>
  );
}
