/** Qualification certificates the platform recognises (家政服务员证, 母婴护理师证, 养老护理员证, 电工证, 健康证, …). */
export const CERTIFICATE_KINDS = ['housekeeping', 'maternity', 'infant_care', 'elder_care', 'electrician', 'health', 'locksmith_record', 'other'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export const CERTIFICATE_LABELS: Record<CertificateKind, { zh: string; en: string }> = {
  housekeeping: { zh: '家政服务员证', en: 'Housekeeping certificate' },
  maternity: { zh: '母婴护理师证', en: 'Maternity nurse certificate' },
  infant_care: { zh: '育婴员证', en: 'Infant carer certificate' },
  elder_care: { zh: '养老护理员证', en: 'Elderly carer certificate' },
  electrician: { zh: '电工证', en: 'Electrician licence' },
  health: { zh: '健康证', en: 'Health certificate' },
  locksmith_record: { zh: '开锁备案', en: 'Locksmith police record' },
  other: { zh: '其他证书', en: 'Other certificate' },
};

export const DOCUMENT_PURPOSES = ['id_front', 'id_back', 'selfie', 'certificate', 'portfolio'] as const;
export type DocumentPurpose = (typeof DOCUMENT_PURPOSES)[number];

/** A certificate is flagged this many days before it expires. */
export const EXPIRY_WARNING_DAYS = 30;
