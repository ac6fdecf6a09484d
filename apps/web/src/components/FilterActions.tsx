import { Button, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';

/** The search and reset buttons that end a list page's filter form (search submits the form). */
export function FilterActions({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button onClick={onReset}>{t('common.reset')}</Button>
      </Flex>
    </Form.Item>
  );
}
