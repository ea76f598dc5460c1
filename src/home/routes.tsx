import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { requireUser } from '../auth/middleware.js';
import { hasAnyUser } from '../auth/setup-code.js';
import { HomePage } from '../../views/home/HomePage.js';
import { showCaseload } from '../households/routes.js';

export const homeRoutes = new Hono<AppEnv>().get(
  '/',
  async (c, next) => {
    // A fresh instance sends its first visitor to the setup page; afterwards "/" needs a sign-in.
    if (!c.get('user') && !c.get('pendingSession') && !(await hasAnyUser(c.get('deps')))) return c.redirect('/setup', 303);
    await next();
  },
  requireUser,
  async (c) => {
    // Workers and leads start on "Mijn dossiers"; everyone else (a beheerder without a team role)
    // on the welcome page.
    if (c.get('user').memberships.length) return showCaseload(c, '/');
    return render(c, () => <HomePage ui={ui(c)} />);
  },
);
