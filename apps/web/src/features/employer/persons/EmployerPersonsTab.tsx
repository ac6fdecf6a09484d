import { useState } from 'react';
import type { PersonFilters } from './api';
import { PersonFilterForm, PersonsTable } from './PersonsTable';

/** The insured persons of one employer, for a tab of the employer's detail page. */
export function EmployerPersonsTab({ employerId }: { employerId: string }) {
  const [filters, setFilters] = useState<Omit<PersonFilters, 'employerId'>>({});
  return (
    <>
      <PersonFilterForm name="employerPersonFilter" initial={filters} onApply={setFilters} />
      <PersonsTable filters={{ ...filters, employerId }} showEmployer={false} />
    </>
  );
}
