import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  loaded: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** The footer of a keyset-paged list: how many rows are on screen and "加载更多" while the server has more. */
export function LoadMore({ loaded, hasNextPage, isFetchingNextPage, fetchNextPage }: Props) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" gap={16} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">{t('common.loaded', { count: loaded })}</Typography.Text>
      {hasNextPage ? (
        <Button onClick={() => fetchNextPage()} loading={isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : loaded > 0 ? (
        <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      ) : null}
    </Flex>
  );
}
