import type { FormRule } from 'antd';
import type { ZodType } from 'zod';

/**
 * An antd form rule that checks a field with the contracts' zod schema for it, so the browser says what the server
 * would say before the request is sent. `prepare` maps the control's value to the API's (e.g. '' → null).
 */
export function zodRule(schema: ZodType, prepare: (value: unknown) => unknown = (v) => v): FormRule {
  return {
    validator: async (_rule, value) => {
      const result = schema.safeParse(prepare(value));
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

/** Empty text boxes mean "not given": the API wants null there. */
export const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
