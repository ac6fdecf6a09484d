import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { LoadMore } from './LoadMore';

interface KeysetSource<T> {
  items: T[];
  isLoading: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'> & {
  /** The result of useKeysetQuery. */
  source: KeysetSource<T>;
  empty?: ReactNode;
};

/** A table fed by keyset paging: no page numbers, no total; "加载更多" appends the next page. */
export function KeysetTable<T extends object>({ source, empty, locale, ...rest }: Props<T>) {
  return (
    <>
      <Table<T>
        {...rest}
        dataSource={source.items}
        loading={source.isLoading}
        pagination={false}
        locale={empty ? { ...locale, emptyText: empty } : locale}
      />
      <LoadMore
        loaded={source.items.length}
        hasNextPage={source.hasNextPage}
        isFetchingNextPage={source.isFetchingNextPage}
        fetchNextPage={source.fetchNextPage}
      />
    </>
  );
}
