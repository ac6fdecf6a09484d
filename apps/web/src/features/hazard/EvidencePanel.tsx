import { FileOutlined, UploadOutlined } from '@ant-design/icons';
import type { HazardDetail } from '@yufang/contracts';
import { Button, Card, Flex, Image, Progress, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../api/errors';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { feedback } from '../../components/feedback';
import { evidenceUrl, useUploadEvidence } from './api';

const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx';

/** The hazard's photos (thumbnails) and documents (links), and the upload when the caller may add some. */
export function EvidencePanel({ hazard }: { hazard: HazardDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const upload = useUploadEvidence(hazard.id, me.csrfToken);
  const [progress, setProgress] = useState<number | null>(null);

  const send = (file: File) => {
    setProgress(0);
    upload.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: () => feedback.message.success(t('hazard.uploaded', { name: file.name })),
        onError: showApiError,
        onSettled: () => setProgress(null),
      },
    );
    return false;
  };

  return (
    <Card
      size="small"
      title={t('hazard.evidence')}
      extra={
        hazard.can.uploadEvidence ? (
          <Upload accept={ACCEPT} showUploadList={false} beforeUpload={send} disabled={upload.isPending}>
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('hazard.upload')}
            </Button>
          </Upload>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      {hazard.can.uploadEvidence ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('hazard.evidenceHint')}
        </Typography.Paragraph>
      ) : null}
      {progress !== null ? <Progress percent={progress} size="small" /> : null}
      {hazard.evidence.length === 0 ? (
        <Typography.Text type="secondary">{t('hazard.noEvidence')}</Typography.Text>
      ) : null}
      <Flex gap={12} wrap>
        {hazard.evidence.map((e) => (
          <Flex key={e.id} vertical gap={4} style={{ width: 132 }} data-testid="evidence">
            {e.contentType.startsWith('image/') ? (
              <Image
                src={evidenceUrl(hazard.id, e.id)}
                alt={e.fileName}
                width={132}
                height={100}
                style={{ objectFit: 'cover', borderRadius: 4 }}
              />
            ) : (
              <a href={evidenceUrl(hazard.id, e.id)} target="_blank" rel="noreferrer">
                <Flex
                  align="center"
                  justify="center"
                  style={{ width: 132, height: 100, background: '#fafafa', borderRadius: 4 }}
                >
                  <FileOutlined style={{ fontSize: 32 }} />
                </Flex>
              </a>
            )}
            <Typography.Text ellipsis={{ tooltip: e.fileName }} style={{ fontSize: 12 }}>
              {e.fileName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              <Tag style={{ fontSize: 11, marginInlineEnd: 4 }}>{t(`hazard.purposes.${e.purpose}`)}</Tag>
              {formatDateTime(e.at).slice(0, 16)}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
