import {
  ROLES,
  type RoleCode,
  SEPARATED_ADMIN_ROLES,
  UserCreateInput,
  type UserUpdateInput,
  type UserView,
} from '@yufang/contracts';
import { Alert, Form, Input, Select, Skeleton, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { handleFormError, saveErrorHandler } from '../../api/errors';
import { useCan } from '../../app/session';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { emptyToNull, zodRule } from '../../components/zodRule';
import { regionOptions, useRegions, useUnits } from '../org/api';
import { type UserWithPasswordData, useCreateUser, useUpdateUser, useUser } from './api';
import { ScopeEditor, type ScopeValue, scopeForRoles } from './ScopeEditor';

interface FormValues {
  username?: string;
  displayName: string;
  email?: string | null;
  regionCode?: string;
  unitCode?: string | null;
  roles: RoleCode[];
  scope: ScopeValue[];
  disabled?: boolean;
}

export type UserDrawerState = { mode: 'create' } | { mode: 'edit'; id: string } | null;

interface Props {
  state: UserDrawerState;
  onClose: () => void;
  /** After a create: the new user with its initial password, to be shown once. */
  onCreated: (result: UserWithPasswordData) => void;
}

const shape = UserCreateInput.shape;
const orEmpty = (value: unknown) => value ?? '';

function valuesOf(user: UserView): FormValues {
  return {
    displayName: user.displayName,
    email: user.email ?? '',
    regionCode: user.regionCode,
    unitCode: user.unitCode,
    roles: user.roles,
    scope: user.scope,
    disabled: user.disabled,
  };
}

/** The create / edit form for a user account, in a drawer. */
export function UserFormDrawer({ state, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const editId = state?.mode === 'edit' ? state.id : undefined;
  const user = useUser(editId);
  const canReadOrg = useCan('system.org.read');
  const regions = useRegions(!!state && canReadOrg);
  const units = useUnits(!!state && canReadOrg);
  const create = useCreateUser();
  const update = useUpdateUser();
  const roles: RoleCode[] = Form.useWatch('roles', form) ?? [];
  const english = i18n.language === 'en-US';

  // A fresh read (first open, or after a 409) replaces what the form shows.
  useEffect(() => {
    if (user.data) form.setFieldsValue(valuesOf(user.data));
  }, [user.data, form]);

  // A county officer has exactly one county to choose from: choose it.
  useEffect(() => {
    if (state?.mode !== 'create') return;
    const options = regionOptions(regions.data);
    if (options.length === 1 && !form.getFieldValue('regionCode')) form.setFieldValue('regionCode', options[0]?.value);
  }, [state, regions.data, form]);

  const onFinish = (values: FormValues) => {
    const common = {
      displayName: values.displayName.trim(),
      email: (emptyToNull(values.email?.trim()) as string | null) ?? null,
      regionCode: values.regionCode ?? '',
      unitCode: values.unitCode ?? null,
      roles: values.roles,
      scope: scopeForRoles(values.scope, values.roles),
    };
    if (state?.mode === 'create') {
      create.mutate(
        { ...common, username: (values.username ?? '').trim() },
        {
          onSuccess: (result) => {
            feedback.message.success(t('user.created', { name: result.user.displayName }));
            onCreated(result);
          },
          onError: (error) => handleFormError(form, error),
        },
      );
      return;
    }
    if (!editId || !user.data) return;
    const input: UserUpdateInput = { ...common, disabled: !!values.disabled, version: user.data.version };
    update.mutate(
      { id: editId, input },
      {
        onSuccess: (saved) => {
          feedback.message.success(t('user.updated', { name: saved.displayName }));
          onClose();
        },
        onError: saveErrorHandler(form, () => {
          feedback.message.warning(t('common.conflict'), 6);
          void user.refetch();
        }),
      },
    );
  };

  const saving = create.isPending || update.isPending;
  const title =
    state?.mode === 'edit'
      ? t('user.editTitle', { name: user.data?.displayName ?? '' })
      : state?.mode === 'create'
        ? t('user.createTitle')
        : '';

  return (
    <FormDrawer
      open={!!state}
      title={title}
      size={560}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={saving}
      saveDisabled={!!editId && !user.data}
    >
      {editId && user.isPending ? (
        <Skeleton active />
      ) : editId && user.isError ? (
        <Alert type="error" showIcon title={t('errors.loadFailed')} />
      ) : (
        <Form<FormValues>
          name="user"
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={user.data ? valuesOf(user.data) : { roles: [], scope: [], email: '', disabled: false }}
          preserve={false}
        >
          {state?.mode === 'create' ? (
            <Form.Item label={t('user.username')} name="username" required rules={[zodRule(shape.username, orEmpty)]}>
              <Input autoComplete="off" maxLength={64} />
            </Form.Item>
          ) : null}
          <Form.Item
            label={t('user.displayName')}
            name="displayName"
            required
            rules={[zodRule(shape.displayName, orEmpty)]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item label={t('user.email')} name="email" rules={[zodRule(shape.email, emptyToNull)]}>
            <Input type="email" autoComplete="off" maxLength={128} />
          </Form.Item>
          <Form.Item
            label={t('user.regionCode')}
            name="regionCode"
            required
            rules={[zodRule(shape.regionCode, orEmpty)]}
          >
            <Select
              options={regionOptions(regions.data)}
              loading={regions.isPending}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item label={t('user.unitCode')} name="unitCode">
            <Select
              allowClear
              options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
              loading={units.isPending}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item
            label={t('user.roles')}
            name="roles"
            required
            validateFirst
            rules={[
              zodRule(shape.roles, (v) => v ?? []),
              {
                validator: async (_rule, value: RoleCode[] | undefined) => {
                  if ((value ?? []).filter((r) => SEPARATED_ADMIN_ROLES.includes(r)).length > 1) {
                    throw new Error(t('user.separated'));
                  }
                },
              },
            ]}
          >
            <Select
              mode="multiple"
              options={ROLES.map((r) => ({ value: r.code, label: english ? r.nameEn : r.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item label={t('user.scope')} name="scope">
            <ScopeEditor roles={roles} />
          </Form.Item>
          {state?.mode === 'edit' ? (
            <Form.Item label={t('user.disabled')} name="disabled" valuePropName="checked">
              <Switch />
            </Form.Item>
          ) : null}
        </Form>
      )}
    </FormDrawer>
  );
}
