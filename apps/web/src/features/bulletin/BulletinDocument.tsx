import type { BulletinFact } from '@yufang/contracts';
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  facts: BulletinFact[];
  narrative: string;
  causes: string;
  lessons: string;
  /** Bordered facts for the screen; plain for print. */
  bordered?: boolean;
}

/** The published content of a bulletin — its facts and three sections — as the public page, print and review show it. */
export function BulletinDocument({ facts, narrative, causes, lessons, bordered = true }: Props) {
  const { t } = useTranslation();
  const sections: [string, string][] = [
    [t('bulletin.narrative'), narrative],
    [t('bulletin.causes'), causes],
    [t('bulletin.lessons'), lessons],
  ];
  return (
    <>
      <Descriptions
        bordered={bordered}
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 150 } }}
        title={t('bulletin.facts')}
        items={facts.map((f) => ({ key: f.label, label: f.label, children: f.value }))}
      />
      {sections.map(([heading, body], i) =>
        body.trim() ? (
          <section key={heading} style={{ marginTop: 20 }}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {['一', '二', '三'][i]}、{heading}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.8 }}>
              {body}
            </Typography.Paragraph>
          </section>
        ) : null,
      )}
    </>
  );
}
