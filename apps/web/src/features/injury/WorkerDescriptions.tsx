import type { DiseaseCaseView, InjuryCaseView } from '@yufang/contracts';
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The worker as captured on a case (ID number masked) and the employer's classification at that time. */
export function WorkerDescriptions({ c }: { c: InjuryCaseView | DiseaseCaseView }) {
  const { t } = useTranslation();
  const sex = c.sex === '1' ? t('injury.male') : c.sex === '2' ? t('injury.female') : '—';
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} title={t('injury.workerSection')}>
      <Descriptions.Item label={t('injury.worker')}>
        {c.workerName}
        {c.personId ? null : <Tag style={{ marginLeft: 8 }}>{t('injury.notOnRoster')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('injury.idNumber')}>
        <span style={{ fontFamily: 'monospace' }}>{c.idMasked ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('injury.sexAge')}>
        {sex} · {c.age === null ? '—' : t('injury.ageN', { n: c.age })}
      </Descriptions.Item>
      <Descriptions.Item label={t('injury.job')}>{c.job ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('injury.tenure')}>
        {c.tenureMonths === null ? '—' : t('injury.monthsN', { n: c.tenureMonths })}
      </Descriptions.Item>
      <Descriptions.Item label={t('injury.industry')}>
        {`${c.industryGroup ?? c.industryCode} ${c.industryName}`}
        {c.keyIndustry ? (
          <Tag color="volcano" style={{ marginLeft: 8 }}>
            {t('injury.keyIndustry')}
          </Tag>
        ) : null}
        {c.dustHazard ? <Tag color="gold">{t('injury.dust')}</Tag> : null}
      </Descriptions.Item>
    </Descriptions>
  );
}
