import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import '../ui/base.css';
import '../ui/components/controls.css';
import '../ui/components/buttons-and-notices.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html lacks #root');
if (window.top !== window.self) {
  // Inside another site's frame (a host that sends no frame-ancestors header): a
  // page can overlay it to trick clicks, so the app does not start there.
  root.textContent =
    'Moatscore does not run inside another site’s frame. Open it in its own tab. · Moatscore 不能嵌入其他网站的框架中运行，请在单独的标签页中打开。';
} else {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
