import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccidentDetail,
  AccidentInput,
  AccidentPage,
  AccidentUpdate,
  AccidentView,
  DiseaseCaseInput,
  DiseaseCasePage,
  DiseaseCaseUpdate,
  DiseaseCaseView,
  EmployerPage,
  InjuryCaseDetail,
  InjuryCaseInput,
  InjuryCasePage,
  InjuryCaseUpdate,
  InjuryCaseView,
  InjuryCostInput,
  WorkerLookupView,
} from '@yufang/contracts';
import type { z } from 'zod';
import { API_BASE, api, type QueryParams, toQueryString } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';

/** The three record lists: API path, web path and the filters each accepts in the URL (same names as the API). */
export const RECORD_KINDS = {
  injuries: {
    path: '/injuries',
    filters: [
      'year',
      'from',
      'to',
      'county',
      'industry',
      'keyIndustry',
      'employerId',
      'q',
      'category',
      'severity',
      'recognition',
      'commuting',
      'accidentId',
    ],
  },
  diseases: {
    path: '/diseases',
    filters: [
      'year',
      'from',
      'to',
      'county',
      'industry',
      'keyIndustry',
      'employerId',
      'q',
      'edition',
      'categoryNo',
      'pneumoconiosis',
      'recognition',
    ],
  },
  accidents: {
    path: '/accidents',
    filters: ['year', 'from', 'to', 'county', 'industry', 'keyIndustry', 'employerId', 'q', 'category', 'grade'],
  },
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;
export type RecordFilters = Record<string, string | undefined>;

/** The filters of a kind read from the URL's query string (unknown parameters are ignored). */
export function filtersFrom(kind: RecordKind, params: URLSearchParams): RecordFilters {
  return Object.fromEntries(RECORD_KINDS[kind].filters.map((k) => [k, params.get(k) ?? undefined]));
}

/** The .xlsx export is a plain download with the current filters: the browser sends the session cookie. */
export function exportUrl(kind: RecordKind, filters: RecordFilters): string {
  return `${API_BASE}${RECORD_KINDS[kind].path}/export${toQueryString(filters as QueryParams)}`;
}

const KEY = ['injury'] as const;

export function useInjuries(filters: RecordFilters, options: { limit?: number } = {}) {
  return useKeysetQuery<InjuryCaseView, z.infer<typeof InjuryCasePage>>(
    [...KEY, 'injuries'],
    '/injuries',
    filters,
    options,
  );
}
export function useDiseases(filters: RecordFilters, options: { limit?: number } = {}) {
  return useKeysetQuery<DiseaseCaseView, z.infer<typeof DiseaseCasePage>>(
    [...KEY, 'diseases'],
    '/diseases',
    filters,
    options,
  );
}
export function useAccidents(filters: RecordFilters, options: { limit?: number; enabled?: boolean } = {}) {
  return useKeysetQuery<AccidentView, z.infer<typeof AccidentPage>>(
    [...KEY, 'accidents'],
    '/accidents',
    filters,
    options,
  );
}

export function useInjury(id: string) {
  return useQuery({
    queryKey: [...KEY, 'injury', id],
    queryFn: ({ signal }) => api.get<InjuryCaseDetail>(`/injuries/${id}`, undefined, signal),
  });
}
export function useDisease(id: string) {
  return useQuery({
    queryKey: [...KEY, 'disease', id],
    queryFn: ({ signal }) => api.get<DiseaseCaseView>(`/diseases/${id}`, undefined, signal),
  });
}
export function useAccident(id: string) {
  return useQuery({
    queryKey: [...KEY, 'accident', id],
    queryFn: ({ signal }) => api.get<AccidentDetail>(`/accidents/${id}`, undefined, signal),
  });
}

/** Every change refreshes the lists and details of the module (a 409 means what is on screen is stale too). */
function useSave<I, R>(fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }) });
}

export const useSaveInjury = () =>
  useSave(({ id, input }: { id?: string; input: InjuryCaseInput | InjuryCaseUpdate }) =>
    id ? api.put<InjuryCaseDetail>(`/injuries/${id}`, input) : api.post<InjuryCaseDetail>('/injuries', input),
  );
export const useSaveDisease = () =>
  useSave(({ id, input }: { id?: string; input: DiseaseCaseInput | DiseaseCaseUpdate }) =>
    id ? api.put<DiseaseCaseView>(`/diseases/${id}`, input) : api.post<DiseaseCaseView>('/diseases', input),
  );
export const useSaveAccident = () =>
  useSave(({ id, input }: { id?: string; input: AccidentInput | AccidentUpdate }) =>
    id ? api.put<AccidentDetail>(`/accidents/${id}`, input) : api.post<AccidentDetail>('/accidents', input),
  );
export const useAddCost = (caseId: string) =>
  useSave((input: InjuryCostInput) => api.post(`/injuries/${caseId}/costs`, input));
export const useRemoveCost = (caseId: string) =>
  useSave((costId: number) => api.delete(`/injuries/${caseId}/costs/${costId}`));

/** The worker in the employer's roster by ID number (POST: the number stays out of URLs and logs). */
export function lookUpWorker(employerId: string, idNumber: string, on: string) {
  return api.post<WorkerLookupView>('/injuries/worker-lookup', { employerId, idNumber, on });
}

/** Employers in the caller's scope matching a keyword (the registry list, which the server scopes). */
export function useEmployerSearch(q: string) {
  return useQuery({
    queryKey: [...KEY, 'employers', q],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof EmployerPage>>('/employers', { q: q || undefined, limit: 20 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
