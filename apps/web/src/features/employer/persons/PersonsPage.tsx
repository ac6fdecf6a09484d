import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import type { PersonFilters } from './api';
import { PERSON_FILTER_KEYS, PersonExportButton, PersonFilterForm, PersonsTable } from './PersonsTable';

/** 参保职工: every insured person in the caller's scope, ID numbers masked; 查看 is audited. */
export default function PersonsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: PersonFilters = { employerId: params.get('employerId') ?? undefined };
  for (const key of PERSON_FILTER_KEYS) filters[key] = params.get(key) ?? undefined;

  return (
    <>
      <PageHeader
        title={t('person.title')}
        subTitle={t('person.subtitle')}
        extra={<PersonExportButton filters={filters} />}
      />
      <PersonFilterForm
        name="personFilter"
        key={params.toString()}
        initial={filters}
        onApply={(values) => {
          const next = new URLSearchParams();
          if (filters.employerId) next.set('employerId', filters.employerId);
          for (const [key, value] of Object.entries(values)) if (value) next.set(key, value);
          setParams(next, { replace: true });
        }}
      />
      <PersonsTable filters={filters} showEmployer />
    </>
  );
}
