import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type CallView, COMPARATORS, PROJECT_TYPE_LABELS, yuanToFen } from '@yufang/contracts';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { saveErrorHandler } from '../../api/errors';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { useApply } from './api';

interface Values {
  type: string;
  title: string;
  content: string;
  targetGroups: { group: string; count: number }[];
  schedule: { name: string; dueOn: Dayjs }[];
  budgetLines: { item: string; amountYuan: string }[];
  targets: { label: string; unit: string; comparator: 'gte' | 'gt' | 'lte' | 'lt'; value: number }[];
  submit: boolean;
}

const Row = ({ children, onRemove }: { children: React.ReactNode; onRemove: () => void }) => (
  <Flex gap={8} align="baseline">
    {children}
    <Button type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label="删除" />
  </Flex>
);

/** The application form of a call: type, content, target groups, schedule, budget lines (元), performance targets. */
export function ApplicationDrawer({ call, onClose }: { call: CallView; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const apply = useApply();
  const navigate = useNavigate();
  const lines = Form.useWatch('budgetLines', form) ?? [];
  let total = 0;
  for (const l of lines) {
    try {
      total += l?.amountYuan ? yuanToFen(String(l.amountYuan)) : 0;
    } catch {
      // shown by the field's own rule
    }
  }

  const save = (v: Values) => {
    const budgetLines = v.budgetLines.map((l) => ({ item: l.item, amountFen: yuanToFen(String(l.amountYuan)) }));
    apply.mutate(
      {
        callId: call.id,
        type: v.type,
        title: v.title,
        content: v.content,
        targetGroups: v.targetGroups,
        schedule: v.schedule.map((m, i) => ({ key: `m${i + 1}`, name: m.name, dueOn: m.dueOn.format('YYYY-MM-DD') })),
        budgetLines,
        requestedFen: budgetLines.reduce((a, b) => a + b.amountFen, 0),
        targets: v.targets.map((t, i) => ({ ...t, key: `t${i + 1}`, unit: t.unit ?? '' })),
        submit: v.submit,
      },
      {
        onSuccess: (p) => {
          feedback.message.success(p.code ? `已提交申报，项目编号 ${p.code}` : '申报草稿已保存');
          navigate(`/projects/${p.id}`);
        },
        onError: saveErrorHandler(form, null),
      },
    );
  };

  return (
    <FormDrawer
      open
      title={`申报：${call.title}`}
      size={760}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={apply.isPending}
      saveTestId="application-save"
    >
      <Form<Values>
        form={form}
        name="application"
        layout="vertical"
        onFinish={save}
        initialValues={{
          type: call.types[0],
          submit: true,
          targetGroups: [{ group: '', count: undefined }],
          schedule: [{ name: '' }],
          budgetLines: [{ item: '', amountYuan: '' }],
          targets: [{ label: '培训人数', unit: '人', comparator: 'gte', value: undefined }],
        }}
      >
        <Form.Item label="项目类型" name="type" rules={[{ required: true, message: '请选择项目类型' }]}>
          <Select options={call.types.map((t) => ({ value: t, label: PROJECT_TYPE_LABELS[t] ?? t }))} />
        </Form.Item>
        <Form.Item
          label="项目名称"
          name="title"
          rules={[{ required: true, min: 4, message: '请填写项目名称（至少 4 个字）' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label="项目内容"
          name="content"
          rules={[{ required: true, min: 10, message: '请填写项目内容（至少 10 个字）' }]}
        >
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
        <Form.Item label="目标人群与人数" required>
          <Form.List name="targetGroups">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} onRemove={() => remove(f.name)}>
                    <Form.Item name={[f.name, 'group']} rules={[{ required: true, message: '请填写目标人群' }]}>
                      <Input placeholder="目标人群" style={{ width: 320 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'count']} rules={[{ required: true, message: '请填写人数' }]}>
                      <InputNumber min={1} placeholder="人数" />
                    </Form.Item>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ group: '' })}>
                  添加人群
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label="实施进度（节点与完成日期）" required>
          <Form.List name="schedule">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} onRemove={() => remove(f.name)}>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写节点名称' }]}>
                      <Input placeholder="节点名称" style={{ width: 320 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '请选择完成日期' }]}>
                      <DatePicker placeholder="完成日期" />
                    </Form.Item>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                  添加节点
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={`预算明细（元），合计 ${(total / 100).toFixed(2)} 元 = 申请金额`} name="budgetLines" required>
          <Form.List name="budgetLines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} onRemove={() => remove(f.name)}>
                    <Form.Item name={[f.name, 'item']} rules={[{ required: true, message: '请填写预算科目' }]}>
                      <Input placeholder="预算科目" style={{ width: 320 }} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'amountYuan']}
                      rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: '金额（元）最多两位小数' }]}
                    >
                      <Input placeholder="金额（元）" style={{ width: 160 }} />
                    </Form.Item>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ item: '', amountYuan: '' })}>
                  添加预算
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label="绩效指标" name="targets" required>
          <Form.List name="targets">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} onRemove={() => remove(f.name)}>
                    <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '请填写指标' }]}>
                      <Input placeholder="指标（如培训人数）" style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'comparator']}>
                      <Select
                        style={{ width: 70 }}
                        options={Object.entries(COMPARATORS).map(([value, label]) => ({ value, label }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']} rules={[{ required: true, message: '请填写指标值' }]}>
                      <InputNumber min={0} placeholder="指标值" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unit']}>
                      <Input placeholder="单位" style={{ width: 80 }} />
                    </Form.Item>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ label: '', unit: '%', comparator: 'gte' })}>
                  添加指标
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label="保存后立即提交申报" name="submit" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
