import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonCreateInput, PersonPage, PersonUpdateInput, PersonView, UnmaskedIdView } from '@yufang/contracts';
import { API_BASE, api, toQueryString } from '../../../api/client';
import { useKeysetQuery } from '../../../api/keyset';

export interface PersonFilters {
  employerId?: string;
  q?: string;
  idNumber?: string;
  keyRole?: string;
  active?: string;
}

const KEY = ['persons'] as const;

export function usePersons(filters: PersonFilters) {
  return useKeysetQuery<PersonView, PersonPage>([...KEY, 'list'], '/persons', { ...filters });
}

/** The .xlsx export with the current filters (ID numbers always masked; the server audits it). */
export function personExportUrl(filters: PersonFilters): string {
  return `${API_BASE}/persons/export${toQueryString({ ...filters })}`;
}

/** The full ID number of one person; the server records every call in the audit log. */
export function useUnmaskPerson() {
  return useMutation({
    mutationFn: (id: string) => api.post<UnmaskedIdView>(`/persons/${id}/unmask`),
  });
}

/** Creates (no id) or corrects (id + version) an insured person; lists are refreshed either way. */
export function useSavePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      save: { id: string; input: PersonUpdateInput } | { id?: undefined; input: PersonCreateInput },
    ): Promise<PersonView> =>
      save.id ? api.put<PersonView>(`/persons/${save.id}`, save.input) : api.post<PersonView>('/persons', save.input),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** One person read again (after a 409, to show what someone else saved). */
export function fetchPerson(id: string): Promise<PersonView> {
  return api.get<PersonView>(`/persons/${id}`);
}
