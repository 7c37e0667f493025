import { NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';

/** A page opened from "me": a title bar with a back arrow over the content. */
export function SubPage({ title, back = '/me', children }: { title: string; back?: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <div className="m-sub-page">
      <NavBar className="m-navbar" onBack={() => navigate(back)}>
        {title}
      </NavBar>
      <div className="m-sub-body">{children}</div>
    </div>
  );
}
