import { Type } from 'typebox';

/** Request/response schemas of the accounts API (validation, serialisation and OpenAPI at once). */
const Strict = { additionalProperties: false } as const;
export const Role = Type.Union([Type.Literal('customer'), Type.Literal('worker')]);
export const Gender = Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Literal('undisclosed')]);
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });

export const User = Type.Object({
  id: Type.String(), roles: Type.Array(Type.String()), name: Type.String(), gender: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]), phoneMasked: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]), emailVerified: Type.Boolean(), hasPassword: Type.Boolean(), createdAt: Type.String(),
});

/** The privacy policy version agreed to (`GET /api/legal/privacy`). */
export const ConsentBody = Type.Object({ acceptedPolicy: Text(20, 1) }, Strict);

export const SendSmsBody = Type.Object({
  phone: Text(20, 1),
  purpose: Type.Optional(Type.Union([Type.Literal('login'), Type.Literal('delete_account')])),
}, Strict);
export const SendSmsReply = Type.Object({ expiresInSeconds: Type.Integer(), resendAfterSeconds: Type.Integer() });

export const SmsLoginBody = Type.Object({
  phone: Text(20, 1), code: Type.String({ pattern: '^\\d{6}$' }), role: Role, rememberMe: Type.Optional(Type.Boolean()),
  /** The privacy policy version the person agreed to (`GET /api/legal/privacy`). */
  acceptedPolicy: Type.Optional(Text(20)),
}, Strict);
export const LoginReply = Type.Object({ user: User, token: Type.String(), created: Type.Boolean() });

export const RegisterEmailBody = Type.Object({
  email: Text(254, 3), password: Text(128, 1), name: Type.Optional(Text(40)), role: Role,
  acceptedPolicy: Type.Optional(Text(20)),
}, Strict);
export const RegisterEmailReply = Type.Object({ userId: Type.String(), verificationSent: Type.Boolean() });

export const PasswordLoginBody = Type.Object({
  identifier: Text(254, 1), password: Text(128, 1), role: Role, rememberMe: Type.Optional(Type.Boolean()),
}, Strict);

export const ProfilePatch = Type.Object({ name: Type.Optional(Text(40, 1)), gender: Type.Optional(Gender) }, Strict);
export const ChangePasswordBody = Type.Object({ currentPassword: Type.Optional(Text(128)), newPassword: Text(128, 1) }, Strict);

export const EmergencyContactBody = Type.Object({ name: Text(40, 1), phone: Text(20, 1), relation: Text(20, 1) }, Strict);
export const EmergencyContact = Type.Object({ name: Type.String(), phoneMasked: Type.String(), relation: Type.String() });

const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const addressFields = {
  label: Text(20, 1), contactName: Text(40, 1), contactPhone: Text(20, 1), districtCode: Text(12, 1), detail: Text(200, 2),
  lat: Type.Optional(Lat), lng: Type.Optional(Lng), isDefault: Type.Optional(Type.Boolean()),
};
export const AddressBody = Type.Object(addressFields, Strict);
export const AddressPatch = Type.Partial(Type.Object(addressFields), Strict);
export const Address = Type.Object({
  id: Type.String(), label: Type.String(), contactName: Type.String(), contactPhoneMasked: Type.String(), districtCode: Type.String(),
  districtName: Type.String(), detail: Type.String(), lat: Type.Number(), lng: Type.Number(), isDefault: Type.Boolean(), createdAt: Type.String(),
});

export const Device = Type.Object({
  id: Type.String(), userAgent: Type.String(), ip: Type.String(), createdAt: Type.String(), lastSeenAt: Type.String(), current: Type.Boolean(),
});
export const DeleteAccountBody = Type.Object({ password: Type.Optional(Text(128, 1)), code: Type.Optional(Type.String({ pattern: '^\\d{6}$' })) }, Strict);
export const IdParam = Type.Object({ id: Type.String({ format: 'uuid' }) });
