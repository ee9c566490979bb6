import type { IdentityKind, MemberRole, OrganizationKind } from '@warmline/shared';

export const roleLabels: Record<MemberRole, string> = {
  decision_maker: 'Decision maker',
  buyer: 'Buyer',
  user: 'User',
  beneficiary: 'Beneficiary',
  other: 'Other',
};

export const memberRoles = Object.keys(roleLabels) as MemberRole[];

export const identityLabels: Record<IdentityKind, string> = {
  email: 'Email',
  phone: 'Phone',
  visitor: 'Website chat',
  external: 'Customer number',
};

export const organizationKindLabels: Record<OrganizationKind, string> = {
  business: 'Business',
  household: 'Household',
};
