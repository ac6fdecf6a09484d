import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  IndustryCycleInput,
  IndustryCycleView,
  LedgerCountyStatus,
  LedgerRevisionSummary,
  LedgerView,
} from '@yufang/contracts';
import { API_BASE, api } from '../../api/client';

const KEY = ['ledgers'] as const;

export function useLedgerOverview(year: number) {
  return useQuery({
    queryKey: [...KEY, 'overview', year],
    queryFn: ({ signal }) => api.get<LedgerCountyStatus[]>('/ledgers', { year }, signal),
  });
}

export function useLedger(countyCode: string, year: number, revision?: number) {
  const path = `/ledgers/${countyCode}/${year}${revision ? `/revisions/${revision}` : ''}`;
  return useQuery({
    queryKey: [...KEY, 'one', countyCode, year, revision ?? 'latest'],
    queryFn: ({ signal }) => api.get<LedgerView>(path, undefined, signal),
    retry: false,
  });
}

export function useLedgerHistory(countyCode: string, year: number) {
  return useQuery({
    queryKey: [...KEY, 'history', countyCode, year],
    queryFn: ({ signal }) =>
      api.get<LedgerRevisionSummary[]>(`/ledgers/${countyCode}/${year}/revisions`, undefined, signal),
  });
}

export function useLedgerEmployers(countyCode: string, year: number, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'employers', countyCode, q],
    queryFn: ({ signal }) =>
      api.get<{ id: string; name: string; uscc: string }[]>(`/ledgers/${countyCode}/${year}/employers`, { q }, signal),
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** One mutation for every ledger action: `action` is the path after the ledger ('' proposes). */
export function useLedgerAction(countyCode: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: '' | 'decide' | 'entries' | 'confirm' | 'amend'; body?: object }) =>
      api.post<LedgerView>(`/ledgers/${countyCode}/${year}${action ? `/${action}` : ''}`, body),
    // a 409 means what is on screen is stale too
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function ledgerExportUrl(countyCode: string, year: number): string {
  return `${API_BASE}/ledgers/${countyCode}/${year}/export`;
}

export function useIndustryCycles() {
  return useQuery({
    queryKey: ['industry-cycles'],
    queryFn: ({ signal }) => api.get<IndustryCycleView[]>('/industry-cycles', undefined, signal),
  });
}

export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IndustryCycleInput) => api.post<IndustryCycleView>('/industry-cycles', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['industry-cycles'] }),
  });
}
