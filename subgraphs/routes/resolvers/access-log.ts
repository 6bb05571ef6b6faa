import { accessLogResolver } from '../../kit';

/** `routesAccessLog`: who read the routes agency's restricted records (`audit:read`). */
export const RoutesAccessLogResolver = accessLogResolver('routes');
