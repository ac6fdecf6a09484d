import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from '../../app/i18n';

/** 中文 / English, for pages outside the layout (login, change password). */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('header.language')}
      value={i18n.language === 'en-US' ? 'en-US' : 'zh-CN'}
      onChange={setLanguage}
      options={LANGUAGES.map((l) => ({
        value: l.code,
        label: l.label,
      }))}
    />
  );
}
