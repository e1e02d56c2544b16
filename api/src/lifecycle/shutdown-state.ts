import { Injectable } from '@nestjs/common';

/** Set when the process has been asked to stop: readiness then fails so a load balancer drains it. */
@Injectable()
export class ShutdownState {
  draining = false;
}
