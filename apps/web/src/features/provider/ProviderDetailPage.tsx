import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProviderProfile } from './ProviderProfile';

/** 服务机构档案 (the bureau's view, with its actions). */
export default function ProviderDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <>
      <PageHeader title={t('provider.title')} extra={<Link to="/providers">{t('provider.menu')}</Link>} />
      {id ? <ProviderProfile mode="manage" id={id} /> : null}
    </>
  );
}
