import { NotificationOutlined } from '@ant-design/icons';
import type { BulletinSourceKind } from '@yufang/contracts';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { showApiError } from '../../api/errors';
import { useCan } from '../../app/session';
import { useCreateBulletin } from './api';

/** “起草通报” on a case's page: drafts a de-identified bulletin from it and opens the draft. */
export function DraftBulletinButton({ kind, id }: { kind: BulletinSourceKind; id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateBulletin();
  if (!useCan('bulletin.draft')) return null;
  return (
    <Button
      icon={<NotificationOutlined />}
      loading={create.isPending}
      onClick={() =>
        create.mutate(
          { sourceKind: kind, sourceId: id },
          { onSuccess: (b) => navigate(`/bulletins/${b.id}`), onError: showApiError },
        )
      }
    >
      {t('bulletin.draftNew')}
    </Button>
  );
}
