import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationInput,
  CallForm,
  CallView,
  ContractInput,
  ProcurementAdvice,
  ProjectListItem,
  ProjectPage,
  ProjectView,
  RankedItem,
  ReviewApplicationView,
} from '@yufang/contracts';
import type { z } from 'zod';
import { api } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';
import { uploadFile } from '../../api/upload';

type Page = z.infer<typeof ProjectPage>;

export function useCalls() {
  return useQuery({
    queryKey: ['project-calls'],
    queryFn: ({ signal }) => api.get<CallView[]>('/project-calls', undefined, signal),
  });
}

export function useRanking(callId: string | undefined) {
  return useQuery({
    queryKey: ['project-calls', callId, 'ranking'],
    queryFn: ({ signal }) => api.get<RankedItem[]>(`/project-calls/${callId}/ranking`, undefined, signal),
    enabled: !!callId,
  });
}

export function useCallActions() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['project-calls'] });
  return {
    create: useMutation({ mutationFn: (c: CallForm) => api.post<CallView>('/project-calls', c), onSettled: done }),
    open: useMutation({
      mutationFn: (c: CallView) => api.post<CallView>(`/project-calls/${c.id}/open`, { version: c.version }),
      onSettled: done,
    }),
    close: useMutation({
      mutationFn: (c: CallView) => api.post<CallView>(`/project-calls/${c.id}/close`, { version: c.version }),
      onSettled: done,
    }),
  };
}

export function useProjects(filters: Record<string, string | number | undefined>) {
  return useKeysetQuery<ProjectListItem, Page>(['projects', 'list'], '/projects', filters);
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: ['project', id],
    queryFn: ({ signal }) => api.get<ProjectView>(`/projects/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useProcurement(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['project', id, 'procurement'],
    queryFn: ({ signal }) => api.get<ProcurementAdvice>(`/projects/${id}/procurement`, undefined, signal),
    enabled,
  });
}

export function useApply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: ApplicationInput & { submit: boolean }) => {
      const { submit, ...body } = input;
      const p = await api.post<ProjectView>('/projects', body);
      return submit ? api.post<ProjectView>(`/projects/${p.id}/submit`, { version: p.version }) : p;
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['projects'] }),
  });
}

export type ProjectStep =
  | 'submit'
  | 'eligibility'
  | 'review'
  | 'approve'
  | 'reject'
  | 'procurement'
  | 'implementer'
  | 'contract';

/** One mutation for every workspace action: POST /projects/:id/<step>; refreshes ['project', id] and the lists. */
/** Uploads an application document (申报材料); the same name again is its next version. */
export function useAttach(id: string, csrfToken: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<ProjectView>(`/projects/${id}/attachments`, file, csrfToken, () => undefined),
    onSettled: () => qc.invalidateQueries({ queryKey: ['project', id] }),
  });
}

export function useProjectStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: ProjectStep; body: Record<string, unknown> | ContractInput }) =>
      api.post<ProjectView>(`/projects/${id}/${step}`, body),
    onSettled: () => {
      qc.invalidateQueries({ queryKey: ['project', id] });
      qc.invalidateQueries({ queryKey: ['projects'] });
      qc.invalidateQueries({ queryKey: ['panels'] });
    },
  });
}

export function useAssignmentApplication(memberId: string | undefined) {
  return useQuery({
    queryKey: ['my-assignments', memberId, 'application'],
    queryFn: ({ signal }) =>
      api.get<ReviewApplicationView>(`/my-assignments/${memberId}/application`, undefined, signal),
    enabled: !!memberId,
    retry: false,
  });
}

/** 代录评分 of a review panel's member (paper sheet, with a note); refreshes the panel and the project. */
export function useProxyScore(panelId: string, projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      memberId,
      ...body
    }: {
      memberId: string;
      scores: Record<string, number>;
      note: string;
      version: number;
    }) => api.post(`/panels/${panelId}/members/${memberId}/scores`, { ...body, comment: null }),
    onSettled: () => {
      qc.invalidateQueries({ queryKey: ['panels'] });
      qc.invalidateQueries({ queryKey: ['project', projectId] });
    },
  });
}
