import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CampaignCheckInput,
  CampaignCheckView,
  CampaignDashboard,
  CampaignEmployerPage,
  CampaignEmployerView,
  CampaignEvidenceView,
} from '@yufang/contracts';
import { API_BASE, api } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';
import { uploadFile } from '../../api/upload';

/** The employer-table filters as they travel in the URL and the query string. */
export interface CampaignFilters {
  countyCode?: string;
  category?: string;
  belowTarget?: string;
  check?: string;
}
export const FILTER_KEYS = [
  'countyCode',
  'category',
  'belowTarget',
  'check',
] as const satisfies readonly (keyof CampaignFilters)[];

const KEY = ['campaign'] as const;

export function useCampaignDashboard() {
  return useQuery({
    queryKey: [...KEY, 'dashboard'],
    queryFn: ({ signal }) => api.get<CampaignDashboard>('/campaign/dashboard', undefined, signal),
  });
}

export function useCampaignEmployers(filters: CampaignFilters, enabled: boolean) {
  return useKeysetQuery<CampaignEmployerView, CampaignEmployerPage>(
    [...KEY, 'employers'],
    '/campaign/employers',
    { ...filters },
    { enabled },
  );
}

export function useCampaignChecks(employerId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'checks', employerId],
    queryFn: ({ signal }) =>
      api.get<CampaignCheckView[]>(`/campaign/employers/${employerId}/checks`, undefined, signal),
    enabled: !!employerId,
  });
}

/** Records a check, then uploads its files one after another. */
export function useRecordCheck(csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, files }: { input: CampaignCheckInput; files: File[] }) => {
      const check = await api.post<CampaignCheckView>('/campaign/checks', input);
      for (const file of files) {
        await uploadFile<CampaignEvidenceView>(
          `/campaign/checks/${check.id}/evidence`,
          file,
          csrfToken,
          () => undefined,
        );
      }
      return check;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function evidenceUrl(checkId: string, evidenceId: string): string {
  return `${API_BASE}/campaign/checks/${checkId}/evidence/${evidenceId}`;
}
