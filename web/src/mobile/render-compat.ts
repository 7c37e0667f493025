import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

// antd-mobile 5 renders Toast / Dialog through the removed ReactDOM.render; React 19 needs createRoot.
// See https://mobile.ant.design/guide/v5-for-19
type Container = (Element | DocumentFragment) & { _djRoot?: Root };

unstableSetRender((node, container: Container) => {
  container._djRoot ??= createRoot(container);
  container._djRoot.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    container._djRoot?.unmount();
    delete container._djRoot;
  };
});
