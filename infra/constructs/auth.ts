import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  CfnUserPoolClient,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES, type Role } from '#shared/domain/roles.ts';

export interface AuthProps {
  stage: string;
  production: boolean;
  callbackUrls: string[];
  logoutUrls: string[];
  /** Managed login domain prefix; defaults to one made unique by the account id. */
  domainPrefix: string | undefined;
  requireMfa: boolean;
}

/**
 * What a signed-in person may change about themselves through any app client: only their time zone
 * (`zoneinfo`), which nothing reads and nobody else sees. The name is shown to managers, in history,
 * in the CSV and in Notify emails; the email is where decisions are sent; the team decides what a
 * manager sees: administrators change those (README, "Create the first users and groups"). The list
 * cannot be empty, because Cognito reads an empty WriteAttributes as "every standard attribute".
 */
export const SELF_WRITABLE_ATTRIBUTES = new ClientAttributes().withStandardAttributes({ timezone: true });

/** Attributes others rely on, which no app client may let a user write. */
export const PROTECTED_ATTRIBUTES = ['name', 'email', 'custom:team', 'email_verified'] as const;

const GROUP_DESCRIPTIONS: Record<Role, string> = {
  staff: 'Frontline staff: submit ideas, see and update their own experiments',
  manager: 'Team managers: decide the escalated experiments of their own team',
  leader: 'Senior leaders: see everything, the dashboard and export, publish card versions',
  governance:
    "Information governance: find, export and erase a person's records, redact free text, read the audit trail",
};

/**
 * Who may sign in and what their token says: the user pool (groups staff / manager / leader /
 * governance and the `custom:team` claim the API authorises on), its managed login pages, and the web
 * app client.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are created by the council's administrators, never by whoever finds the sign-in page.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: true, mutable: true },
      },
      // Mutable so an administrator can move someone between teams; app clients cannot write it (below).
      customAttributes: { team: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: props.requireMfa ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // A changed address takes effect only once its owner confirms the code sent to it: until then
      // sign-in and emails keep using the old one, so a typo or a hijack cannot redirect them.
      keepOriginal: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus is the tier that carries threat protection (compromised credentials, risky sign-ins).
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Your Fail Forward account',
        emailBody:
          'You have a Fail Forward account. Sign in with {username} and this temporary password: {####}. You will choose your own password when you first sign in.',
      },
      deletionProtection: props.production,
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    if (!props.requireMfa) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP only, never SMS) because this deployment set requireMfa=false (the default only for dev stacks; prod requires it unless switched off). Plus-tier threat protection in enforced mode still blocks risky sign-ins and compromised credentials.',
      });
    }

    for (const [index, role] of ROLES.entries()) {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        description: GROUP_DESCRIPTIONS[role],
        precedence: index,
      });
    }

    this.client = this.userPool.addClient('WebClient', {
      // A browser-side code flow with PKCE: a secret in web pages would not stay secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: props.callbackUrls,
        logoutUrls: props.logoutUrls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      writeAttributes: SELF_WRITABLE_ATTRIBUTES,
    });
    this.node.addValidation({ validate: () => this.clientsWritingProtectedAttributes() });

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `fail-forward-${props.stage}-${Aws.ACCOUNT_ID}` },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // The newer managed login shows nothing until the client has a branding style; Cognito's own will do.
    new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
  }

  /** Any app client of this pool, now or added later, that would let people rewrite what others rely on. */
  private clientsWritingProtectedAttributes(): string[] {
    const protectedNames: readonly string[] = PROTECTED_ATTRIBUTES;
    return Stack.of(this)
      .node.findAll()
      .filter((c): c is CfnUserPoolClient => c instanceof CfnUserPoolClient)
      .filter((client) => client.userPoolId === this.userPool.userPoolId)
      .filter((client) => {
        const writable = client.writeAttributes ?? [];
        return writable.length === 0 || writable.some((name) => protectedNames.includes(name));
      })
      .map(
        (client) =>
          `App client ${(client.node.scope ?? client).node.path} lets people write attributes others rely on (${PROTECTED_ATTRIBUTES.join(', ')}), or every standard attribute when it lists none`,
      );
  }
}
