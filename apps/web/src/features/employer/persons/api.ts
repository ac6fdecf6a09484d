import { useMutation } from '@tanstack/react-query';
import type { PersonPage, PersonView, UnmaskedIdView } from '@yufang/contracts';
import { api } from '../../../api/client';
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

/** The full ID number of one person; the server records every call in the audit log. */
export function useUnmaskPerson() {
  return useMutation({
    mutationFn: (id: string) => api.post<UnmaskedIdView>(`/persons/${id}/unmask`),
  });
}
