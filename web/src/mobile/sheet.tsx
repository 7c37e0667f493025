import { Popup } from 'antd-mobile';
import type { ReactNode } from 'react';

const BODY_STYLE = { maxHeight: '90vh', overflowY: 'auto' } as const;

/** A bottom sheet that scrolls when taller than 90% of the screen; its content mounts only while open, so each opening starts afresh. */
export function Sheet({ visible, onClose, children }: { visible: boolean; onClose: () => void; children: ReactNode }) {
  return (
    <Popup visible={visible} onMaskClick={onClose} onClose={onClose} destroyOnClose bodyStyle={BODY_STYLE}>
      {visible && children}
    </Popup>
  );
}
