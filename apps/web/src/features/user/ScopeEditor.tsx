import { roleByCode, type ScopeEntry, type ScopeKind } from '@yufang/contracts';
import { Flex, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionOptions, useOrganisationOptions, useRegions, useUnits } from '../org/api';

/** A scope entry as the form holds it: the name travels along so chosen employers keep their label. */
export type ScopeValue = ScopeEntry & { name?: string };
type EntryKind = ScopeEntry['kind'];

const KIND_ORDER: EntryKind[] = ['region', 'unit', 'employer', 'provider'];

/** The kinds of scope the chosen roles need (a county officer needs regions, an employer account employers …). */
export function scopeKindsFor(roles: readonly string[] | undefined): EntryKind[] {
  const kinds = new Set<ScopeKind>((roles ?? []).map((code) => roleByCode(code)?.scopeKind ?? 'none'));
  return KIND_ORDER.filter((k) => kinds.has(k));
}

/** What is sent to the API: entries of the needed kinds only, without the names. */
export function scopeForRoles(value: ScopeValue[] | undefined, roles: readonly string[]): ScopeEntry[] {
  const kinds = scopeKindsFor(roles);
  return (value ?? []).filter((e) => kinds.includes(e.kind)).map(({ kind, code }) => ({ kind, code }));
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface Props {
  id?: string;
  value?: ScopeValue[];
  onChange?: (value: ScopeValue[]) => void;
  roles: readonly string[];
}

/**
 * Picks a user's data scope: regions, units, employers and/or service organisations, whichever the chosen roles need.
 * A form control (value/onChange) for <Form.Item name="scope">.
 */
export function ScopeEditor({ id, value = [], onChange, roles }: Props) {
  const { t } = useTranslation();
  const kinds = scopeKindsFor(roles);
  const regions = useRegions(kinds.includes('region'));
  const units = useUnits(kinds.includes('unit'));
  const [employerQuery, setEmployerQuery] = useState('');
  const [providerQuery, setProviderQuery] = useState('');
  const employers = useOrganisationOptions('employers', useDebounced(employerQuery, 300), kinds.includes('employer'));
  const providers = useOrganisationOptions('providers', useDebounced(providerQuery, 300), kinds.includes('provider'));
  const searched = {
    employer: { query: employers, onSearch: setEmployerQuery, placeholder: t('user.employerSearch') },
    provider: { query: providers, onSearch: setProviderQuery, placeholder: t('user.providerSearch') },
  };

  const baseOptions: Record<EntryKind, { value: string; label: string }[]> = useMemo(
    () => ({
      region: regionOptions(regions.data),
      unit: (units.data ?? []).map((u) => ({ value: u.code, label: u.name })),
      employer: (employers.data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` })),
      provider: (providers.data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` })),
    }),
    [regions.data, units.data, employers.data, providers.data],
  );

  if (roles.length === 0) return <Typography.Text type="secondary">{t('user.scopePickRoles')}</Typography.Text>;
  if (kinds.length === 0) return <Typography.Text type="secondary">{t('user.scopeNotNeeded')}</Typography.Text>;

  const setKind = (kind: EntryKind, codes: string[], labels: Map<string, string>) => {
    const others = value.filter((e) => e.kind !== kind);
    const kept = new Map(value.filter((e) => e.kind === kind).map((e) => [e.code, e]));
    const next = codes.map((code) => kept.get(code) ?? { kind, code, name: labels.get(code) });
    onChange?.([...others, ...next]);
  };

  const labelKey = {
    region: 'user.scopeRegion',
    unit: 'user.scopeUnit',
    employer: 'user.scopeEmployer',
    provider: 'user.scopeProvider',
  } as const;

  return (
    <Flex vertical gap={8} style={{ width: '100%' }}>
      {kinds.map((kind, index) => {
        const selected = value.filter((e) => e.kind === kind);
        const base = baseOptions[kind];
        const known = new Set(base.map((o) => o.value));
        // Entries the caller cannot list any more (or not yet searched for) still show by name.
        const options = [
          ...base,
          ...selected.filter((e) => !known.has(e.code)).map((e) => ({ value: e.code, label: e.name ?? e.code })),
        ];
        const labels = new Map(options.map((o) => [o.value, o.label]));
        const label = t(labelKey[kind]);
        return (
          <Flex key={kind} vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {label}
            </Typography.Text>
            <Select
              id={index === 0 ? id : undefined}
              aria-label={label}
              mode="multiple"
              allowClear
              value={selected.map((e) => e.code)}
              options={options}
              onChange={(codes: string[]) => setKind(kind, codes, labels)}
              loading={
                kind === 'employer' || kind === 'provider'
                  ? searched[kind].query.isFetching
                  : kind === 'region'
                    ? regions.isPending
                    : units.isPending
              }
              {...(kind === 'employer' || kind === 'provider'
                ? {
                    showSearch: { filterOption: false, onSearch: searched[kind].onSearch },
                    placeholder: searched[kind].placeholder,
                  }
                : { showSearch: { optionFilterProp: 'label' } })}
              data-testid={`scope-${kind}`}
            />
          </Flex>
        );
      })}
    </Flex>
  );
}
