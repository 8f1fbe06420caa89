import {
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { NotifyClient } from 'notifications-node-client';
import type { GovukNotifyOptions } from './index.ts';
import type { Audience, Notification, Notifier } from './notifier.ts';

const attribute = (user: UserType, name: string) => user.Attributes?.find((a) => a.Name === name)?.Value;

/**
 * GOV.UK Notify in AWS. The API key is read from Secrets Manager at run time (never in the template),
 * recipients come from the Cognito user pool, and the record of sent notifications doubles as the
 * "already sent" marker, so a retried workflow step does not email anyone twice.
 */
export const govukNotifyNotifier = ({ notify: opts, sent }: GovukNotifyOptions): Notifier => {
  const cognito = new CognitoIdentityProviderClient({});
  const secrets = new SecretsManagerClient({});
  let client: NotifyClient | undefined;

  const notify = async () => {
    if (!client) {
      const secret = await secrets.send(new GetSecretValueCommand({ SecretId: opts.secretName }));
      if (!secret.SecretString) throw new Error('The GOV.UK Notify secret is empty');
      client = new NotifyClient(secret.SecretString);
    }
    return client;
  };

  const recipients = async (audience: Audience): Promise<string[]> => {
    if ('userId' in audience) {
      const out = await cognito.send(
        new ListUsersCommand({
          UserPoolId: opts.userPoolId,
          Filter: `sub = "${audience.userId.replaceAll('"', '')}"`,
        }),
      );
      return (out.Users ?? []).map((u) => attribute(u, 'email')).filter((e): e is string => Boolean(e));
    }
    const emails: string[] = [];
    let token: string | undefined;
    do {
      const out = await cognito.send(
        new ListUsersInGroupCommand({
          UserPoolId: opts.userPoolId,
          GroupName: audience.role,
          NextToken: token,
        }),
      );
      for (const user of out.Users ?? []) {
        const inTeam = audience.role === 'leader' || attribute(user, 'custom:team') === audience.team;
        const email = attribute(user, 'email');
        if (inTeam && email && user.Enabled !== false) emails.push(email);
      }
      token = out.NextToken;
    } while (token);
    return emails;
  };

  return {
    async send(notification: Notification) {
      // Sent by an earlier attempt of the same step: at least once, and no more once recorded.
      if (await sent.has(notification.dedupeKey)) return;
      const templateId = opts.templateIds[notification.template];
      if (!templateId) throw new Error(`No GOV.UK Notify template id for ${notification.template}`);
      const to = await recipients(notification.audience);
      const api = await notify();
      for (const email of to) {
        await api.sendEmail(templateId, email, {
          personalisation: notification.personalisation,
          reference: notification.dedupeKey,
        });
      }
      await sent.record(notification);
    },
  };
};
