import { App, message as staticMessage, notification as staticNotification } from 'antd';
import { useEffect } from 'react';

type AppApi = ReturnType<typeof App.useApp>;

/**
 * antd's message/notification bound to the App context (theme, locale) once <FeedbackBinder/> has mounted;
 * code outside components (query cache callbacks, error helpers) shows messages through this object.
 */
export const feedback: Pick<AppApi, 'message' | 'notification'> = {
  message: staticMessage,
  notification: staticNotification,
};

export function FeedbackBinder() {
  const { message, notification } = App.useApp();
  useEffect(() => {
    feedback.message = message;
    feedback.notification = notification;
  }, [message, notification]);
  return null;
}
