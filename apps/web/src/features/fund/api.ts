import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BudgetView,
  FundImportResult,
  FundOverview,
  FundYearView,
  PaymentPage,
  PaymentView,
  PublicProjects,
} from '@yufang/contracts';
import { API_BASE, api, toQueryString } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';

const KEY = ['fund'] as const;

export function useFundOverview() {
  return useQuery({
    queryKey: [...KEY, 'overview'],
    queryFn: ({ signal }) => api.get<FundOverview>('/fund/overview', undefined, signal),
  });
}

function useFundMutation<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export const useSaveYear = () =>
  useFundMutation((i: { year: number; body: unknown }) => api.put<FundYearView>(`/fund/years/${i.year}`, i.body));
export const useSetBudget = () =>
  useFundMutation((i: { year: number; body: unknown }) => api.put<BudgetView>(`/fund/budgets/${i.year}`, i.body));
export const useImportYears = () =>
  useFundMutation((body: { fileName: string; contentBase64: string }) =>
    api.post<FundImportResult>('/fund/years/import', body),
  );
export const useRecordTransfer = () =>
  useFundMutation((i: { id: string; body: unknown }) =>
    api.post<PaymentView>(`/fund/payments/${i.id}/transfer`, i.body),
  );

export const templateUrl = `${API_BASE}/fund/years/template`;

export interface PaymentFilters {
  year?: number;
  kind?: string;
  transferred?: string;
}

export function usePayments(filters: PaymentFilters) {
  return useKeysetQuery<PaymentView, PaymentPage>([...KEY, 'payments'], '/fund/payments', { ...filters });
}

export const paymentsExportUrl = (filters: PaymentFilters) =>
  `${API_BASE}/fund/payments/export${toQueryString({ ...filters })}`;

export function usePublicProjects(year: number | undefined) {
  return useQuery({
    queryKey: ['public', 'projects', year],
    queryFn: ({ signal }) => api.get<PublicProjects>('/public/projects', { year }, signal),
  });
}

export const publicProjectsExportUrl = (year: number) => `${API_BASE}/public/projects/export?year=${year}`;

/** Reads a chosen file as base64 (without the data: prefix) for the JSON upload. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
