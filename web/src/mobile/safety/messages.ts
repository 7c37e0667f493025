import type { Messages } from '../../shared/i18n';

/** Texts of SOS (一键求助), shared by the customer and worker H5 portals. */
export const safetyMessages: Messages = {
  'sos.button': ['SOS 一键求助', 'SOS: ask for help'],
  'sos.buttonHint': ['遇到危险或紧急情况时使用', 'Use it when you are in danger or in an emergency'],
  'sos.confirmTitle': ['确定发起一键求助？', 'Ask for help now?'],
  'sos.confirmBody': ['将通知平台安全专员并短信通知您的紧急联系人', 'The platform safety team will be alerted and your emergency contact will get a text message'],
  'sos.confirmLocation': ['发送时会尝试附上您的当前位置。', 'Your current location is attached when the device allows it.'],
  'sos.call110': ['如遇人身危险，请立即拨打 110。', 'If your life is in danger, call 110 right away.'],
  'sos.noContact': ['您还没有设置紧急联系人，本次只会通知平台。', 'You have no emergency contact yet: only the platform will be alerted.'],
  'sos.setContact': ['去设置紧急联系人', 'Set an emergency contact'],
  'sos.send': ['立即求助', 'Ask for help'],
  'sos.sending': ['正在发送求助…', 'Sending…'],
  'sos.sent': ['已发出求助', 'Help requested'],
  'sos.repeated': ['您的求助正在处理中', 'Your request for help is already being handled'],
  'sos.status.open': ['已通知平台', 'The platform has been alerted'],
  'sos.status.acknowledged': ['平台已确认，正在处理', 'The platform is on it'],
  'sos.status.resolved': ['已处理', 'Handled'],
  'sos.detail.open': ['安全专员会尽快与您联系，请保持手机畅通。', 'The safety team will contact you shortly; keep your phone at hand.'],
  'sos.detail.acknowledged': ['{name} 已确认您的求助，正在处理。', '{name} has seen your request and is handling it.'],
  'sos.detail.resolved': ['处理结果：{resolution}', 'Outcome: {resolution}'],
  'sos.incidentNo': ['求助编号 {no}', 'Request {no}'],
  'sos.withLocation': ['已附位置', 'Location sent'],
  'sos.withoutLocation': ['未获取到位置', 'No location'],
};
