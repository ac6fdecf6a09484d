import { FileWordOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ErrorBody, type ReportOptions } from '@yufang/contracts';
import { Alert, Button, Card, Form, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { API_BASE, ApiError, api, toQueryString } from '../../api/client';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';

interface ReportForm {
  year: number;
  /** '' = the whole city. */
  area: string;
}

/** The file name the server chose (RFC 5987 filename*), else a plain one. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(header);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/** Fetches the .docx (generated while the request waits) and hands it to the browser as a download. */
async function downloadReport(values: ReportForm): Promise<string> {
  const query = toQueryString({ year: values.year, countyCode: values.area || undefined });
  const response = await fetch(`${API_BASE}/analysis/report${query}`, { credentials: 'same-origin' });
  if (!response.ok) {
    const body = ErrorBody.safeParse(await response.json().catch(() => null));
    throw new ApiError(
      response.status,
      body.success ? body.data : { code: 'INTERNAL', message: `HTTP ${response.status}` },
    );
  }
  const name = fileNameOf(response, `report-${values.year}.docx`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** Choose the year (and, for the city, the county) and download the annual analysis report. */
export default function ReportPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportForm>();
  const options = useQuery({
    queryKey: ['analysis', 'report', 'options'],
    queryFn: ({ signal }) => api.get<ReportOptions>('/analysis/report/options', undefined, signal),
  });
  const generate = useMutation({
    mutationFn: downloadReport,
    onSuccess: (name) => feedback.message.success(t('report.done', { name })),
    onError: (error) => feedback.message.error(error.message),
  });
  const data = options.data;

  return (
    <>
      <PageHeader title={t('report.title')} subTitle={t('report.subtitle')} />
      {data ? (
        <Card style={{ maxWidth: 760 }}>
          <Form<ReportForm>
            name="reportForm"
            form={form}
            layout="inline"
            initialValues={{ year: data.defaultYear, area: data.areas[0]?.code ?? '' }}
            onFinish={(values) => generate.mutate(values)}
            style={{ rowGap: 8 }}
          >
            <Form.Item label={t('report.year')} name="year">
              <Select style={{ width: 110 }} options={data.years.map((y) => ({ value: y, label: String(y) }))} />
            </Form.Item>
            <Form.Item label={t('report.area')} name="area">
              <Select
                style={{ width: 150 }}
                options={data.areas.map((a) => ({ value: a.code ?? '', label: a.name }))}
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<FileWordOutlined />} loading={generate.isPending}>
                {generate.isPending ? t('report.generating') : t('report.generate')}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Title level={2} style={{ fontSize: 15, marginTop: 24 }}>
            {t('report.contents')}
          </Typography.Title>
          <Typography.Paragraph>{t('report.sections')}</Typography.Paragraph>
          <Alert type="info" showIcon title={t('report.privacy')} />
        </Card>
      ) : (
        <Spin />
      )}
    </>
  );
}
