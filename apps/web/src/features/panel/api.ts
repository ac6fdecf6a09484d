import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PanelAssignmentView,
  PanelDeclineInput,
  PanelDrawInput,
  PanelDrawRecord,
  PanelListItem,
  PanelOptions,
  PanelPage,
  PanelScoreInput,
  PanelSettlementResult,
  PanelVerifyResult,
  PanelView,
} from '@yufang/contracts';
import { api } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';

const KEY = ['panels'] as const;
const MINE = ['my-assignments'] as const;

export function usePanels(filters: { status?: string; purpose?: string }) {
  return useKeysetQuery<PanelListItem, PanelPage>([...KEY, 'list'], '/panels', { ...filters });
}

export function usePanelOptions() {
  return useQuery({
    queryKey: [...KEY, 'options'],
    queryFn: ({ signal }) => api.get<PanelOptions>('/panels/options', undefined, signal),
    staleTime: 60_000,
  });
}

export function usePanel(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<PanelView>(`/panels/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function usePanelRecord(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'record', id],
    queryFn: ({ signal }) => api.get<PanelDrawRecord>(`/panels/${id}/record`, undefined, signal),
    enabled: !!id,
  });
}

export function useDrawPanel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PanelDrawInput) => api.post<PanelView>('/panels', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useVerifyDraw() {
  return useMutation({
    mutationFn: (record: PanelDrawRecord) => api.post<PanelVerifyResult>('/public/panel-draws/verify', record),
  });
}

export function usePanelAction(id: string) {
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: KEY });
  return {
    decline: useMutation({
      mutationFn: ({ memberId, ...input }: PanelDeclineInput & { memberId: string }) =>
        api.post<PanelView>(`/panels/${id}/members/${memberId}/decline`, input),
      onSettled: done,
    }),
    conclude: useMutation({
      mutationFn: (input: { note: string | null; version: number }) =>
        api.post<PanelView>(`/panels/${id}/conclusion`, input),
      onSettled: done,
    }),
    settle: useMutation({
      mutationFn: () => api.post<PanelSettlementResult>(`/panels/${id}/settlement`),
      onSettled: done,
    }),
  };
}

export function useMyAssignments() {
  return useQuery({
    queryKey: MINE,
    queryFn: ({ signal }) => api.get<PanelAssignmentView[]>('/my-assignments', undefined, signal),
  });
}

export function useAssignmentAction() {
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: MINE });
  return {
    accept: useMutation({
      mutationFn: ({ memberId, version }: { memberId: string; version: number }) =>
        api.post<PanelAssignmentView>(`/my-assignments/${memberId}/accept`, { version }),
      onSettled: done,
    }),
    decline: useMutation({
      mutationFn: ({ memberId, ...input }: PanelDeclineInput & { memberId: string }) =>
        api.post<PanelAssignmentView>(`/my-assignments/${memberId}/decline`, input),
      onSettled: done,
    }),
    score: useMutation({
      mutationFn: ({ memberId, ...input }: PanelScoreInput & { memberId: string }) =>
        api.post<PanelAssignmentView>(`/my-assignments/${memberId}/scores`, input),
      onSettled: done,
    }),
  };
}

/** Points in hundredths → "85.50". */
export const points = (hundredths: number | null | undefined) =>
  hundredths === null || hundredths === undefined ? '—' : (hundredths / 100).toFixed(2);

/** Offers the draw record as a JSON file. */
export function downloadRecord(record: PanelDrawRecord) {
  const blob = new Blob([JSON.stringify(record, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `panel-draw-${record.panelId ?? 'record'}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
