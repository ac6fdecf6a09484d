import { Button, Drawer, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: ReactNode;
  size: number;
  onClose: () => void;
  /** Submits the drawer's form (usually `() => form.submit()`). */
  onSave: () => void;
  saving: boolean;
  saveDisabled?: boolean;
  saveTestId?: string;
  children: ReactNode;
}

/**
 * The drawer of every create/edit form: cancel and save in the footer, not closed by a click beside it (a half-typed
 * form is not lost), content destroyed when hidden so the next record starts clean.
 */
export function FormDrawer({ open, title, size, onClose, onSave, saving, saveDisabled, saveTestId, children }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      title={title}
      size={size}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={onSave} loading={saving} disabled={saveDisabled} data-testid={saveTestId}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {children}
    </Drawer>
  );
}
