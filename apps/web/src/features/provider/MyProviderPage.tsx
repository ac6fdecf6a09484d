import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useMyProviders } from './api';
import { NoProvider, ProviderProfile } from './ProviderProfile';

/** 本机构: the organisation's own profile (provider.self). */
export default function MyProviderPage() {
  const { t } = useTranslation();
  const mine = useMyProviders();
  const first = mine.data?.items[0];
  return (
    <>
      <PageHeader title={t('provider.myTitle')} subTitle={t('provider.mySubTitle')} />
      {mine.isLoading ? <Card loading /> : first ? <ProviderProfile mode="self" id={first.id} /> : <NoProvider />}
    </>
  );
}
