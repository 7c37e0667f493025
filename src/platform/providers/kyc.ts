import { createHash } from 'node:crypto';

/**
 * Real-name and face verification behind an interface. The local provider is a rule-based
 * simulator: the ID checksum is checked by the caller, the name must look like a Chinese legal
 * name, and the "face match" requires a selfie that is a different image from both ID photos.
 */
export interface KycInput { realName: string; idNumber: string; idFront: Buffer; idBack: Buffer; selfie: Buffer }
export interface KycResult { passed: boolean; provider: string; nameMatch: boolean; faceMatch: boolean; faceScore: number; reasons: string[] }
export interface KycProvider { verify(input: KycInput): Promise<KycResult> }

const CHINESE_NAME = /^[\u4e00-\u9fa5]{2,4}(·[\u4e00-\u9fa5]{1,10})?$/;
const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function localKycProvider(): KycProvider {
  return {
    async verify(input) {
      const reasons: string[] = [];
      const nameMatch = CHINESE_NAME.test(input.realName);
      if (!nameMatch) reasons.push('name_format');
      const selfie = digest(input.selfie);
      const faceMatch = selfie !== digest(input.idFront) && selfie !== digest(input.idBack) && digest(input.idFront) !== digest(input.idBack);
      if (!faceMatch) reasons.push('face_mismatch');
      return { passed: nameMatch && faceMatch, provider: 'local-simulator', nameMatch, faceMatch, faceScore: faceMatch ? 0.92 : 0.1, reasons };
    },
  };
}
