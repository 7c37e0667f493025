// A worker of a test file's own, made through the HTTP API (SMS sign-up, identity, profile, hours, submit, approval by
// ops) — so a journey that books, accepts and cancels does not share a worker's calendar with other files, and its
// free times do not depend on the hour the suite runs: it works every day 08:00–20:00 (like the demo worker) and has
// no orders but the file's own.
import { randomPhone } from './api';
import { adminCall, call, smsSignIn } from './http';
import { pngFile, randomIdNumber } from './worker-fixtures';

export interface FreshWorker {
  id: string;
  phone: string;
  token: string;
  name: string;
  districtCode: string;
  districtName: string;
  homeLat: number;
  homeLng: number;
}

interface District { code: string; name: string; center: [number, number] }

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜';
const GIVEN = '秀英桂兰玉珍凤兰建华丽娟春梅海燕红霞志强国平';
const pick = (chars: string) => chars[Math.floor(Math.random() * chars.length)]!;

/** Every worker made here, by id: signing in again needs the phone. */
const made = new Map<string, FreshWorker & { baseUrl: string }>();

export const freshWorkerById = (id: string): FreshWorker | undefined => made.get(id);

async function upload(baseUrl: string, token: string, purpose: string, rgb: [number, number, number]): Promise<string> {
  const file = pngFile(`${purpose}.png`, rgb);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.buffer)], { type: file.mimeType }), file.name);
  const response = await fetch(`${baseUrl}/api/worker/documents?purpose=${purpose}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (!response.ok) throw new Error(`upload ${purpose}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { fileId: string }).fileId;
}

/**
 * A new, approved, online worker with `skills`, living at the centre of `district` (an address there without
 * coordinates is placed at the centre) and serving `radiusKm` around it, working every day 08:00–20:00.
 */
export async function freshWorker(baseUrl: string, district: District, skills: string[], radiusKm = 3): Promise<FreshWorker> {
  const phone = randomPhone();
  const { token, user } = await smsSignIn(baseUrl, phone, 'worker');
  const name = `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`;
  const shade = 40 + Math.floor(Math.random() * 200);
  const [frontFileId, backFileId, selfieFileId] = [
    await upload(baseUrl, token, 'id_front', [shade, 20, 20]),
    await upload(baseUrl, token, 'id_back', [20, shade, 20]),
    await upload(baseUrl, token, 'selfie', [20, 20, shade]),
  ];
  await call(baseUrl, token, 'PUT', '/api/worker/identity', { realName: name, idNumber: randomIdNumber(), frontFileId, backFileId, selfieFileId, consent: true });
  const [homeLat, homeLng] = district.center;
  await call(baseUrl, token, 'PUT', '/api/worker/profile', {
    workerType: 'individual', displayName: name, experienceYears: 5, previousEmployers: [], intro: '做事细致，准时上门', skills,
    districtCode: district.code, homeLat, homeLng, serviceRadiusKm: radiusKm,
  });
  await call(baseUrl, token, 'PUT', '/api/worker/schedule', {
    hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 20 * 60 })),
    daysOff: [], maxMinutesPerDay: 720, minBreakMinutes: 30,
  });
  await call(baseUrl, token, 'POST', '/api/worker/submit', {});
  await adminCall(baseUrl, 'POST', `/api/admin/workers/${user.id}/approve`, {}, 'ops');
  await call(baseUrl, token, 'PUT', '/api/worker/online', { online: true });
  const worker = { id: user.id, phone, token, name, districtCode: district.code, districtName: district.name, homeLat, homeLng };
  made.set(worker.id, { ...worker, baseUrl });
  return worker;
}

/** Takes the file's own workers offline, so later files' dispatch rounds never reach them. */
export async function retireFreshWorkers(): Promise<void> {
  for (const worker of made.values()) await call(worker.baseUrl, worker.token, 'PUT', '/api/worker/online', { online: false }).catch(() => undefined);
}
