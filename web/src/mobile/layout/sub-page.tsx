import { NavBar } from 'antd-mobile';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useNavigate } from 'react-router';

/** The right end of the page's title bar, where a page may put one action (e.g. 一键求助 on an order). */
const HeaderSlot = createContext<HTMLElement | null>(null);

/** A page opened from "me": a title bar with a back arrow over the content. */
export function SubPage({ title, back = '/me', children }: { title: string; back?: string; children: ReactNode }) {
  const navigate = useNavigate();
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  return (
    <div className="m-sub-page">
      <NavBar className="m-navbar" onBack={() => navigate(back)} right={<span className="m-navbar-slot" ref={setSlot} />}>
        {title}
      </NavBar>
      <HeaderSlot.Provider value={slot}>
        <div className="m-sub-body">{children}</div>
      </HeaderSlot.Provider>
    </div>
  );
}

/** Renders `children` in the title bar's right end of the enclosing SubPage (nothing outside one). */
export function HeaderAction({ children }: { children: ReactNode }) {
  const slot = useContext(HeaderSlot);
  return slot ? createPortal(children, slot) : null;
}
