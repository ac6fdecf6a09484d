import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import type { PersonFilters } from './api';
import { PersonFormDrawer, type PersonFormTarget } from './PersonFormDrawer';
import { PersonExportButton, PersonFilterForm, PersonsTable } from './PersonsTable';

/** The insured persons of one employer, for a tab of the employer's detail page: add, correct, export. */
export function EmployerPersonsTab({ employerId, employerName }: { employerId: string; employerName: string }) {
  const { t } = useTranslation();
  const canCreate = useCan('employer.update');
  const [filters, setFilters] = useState<Omit<PersonFilters, 'employerId'>>({});
  const [creating, setCreating] = useState<PersonFormTarget | null>(null);
  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <PersonFilterForm name="employerPersonFilter" initial={filters} onApply={setFilters} />
        <Flex gap={8} style={{ marginBottom: 16 }}>
          <PersonExportButton filters={{ ...filters, employerId }} />
          {canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating({ employerId, employerName })}
              data-testid="person-create"
            >
              {t('person.create')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <PersonsTable filters={{ ...filters, employerId }} showEmployer={false} />
      <PersonFormDrawer target={creating} onClose={() => setCreating(null)} />
    </>
  );
}
