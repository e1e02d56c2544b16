import { Body, Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentUser, RequirePermission } from '../common/http/access';
import { toEventResponse, type EventResponse } from '../requests/request-event.dto';
import { DispatchDto, type MessageResponse, toMessageResponse } from './message.dto';
import { Outbound } from './outbound';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('requests')
export class DispatchController {
  constructor(private readonly outbound: Outbound) {}

  @ApiOperation({
    summary: "E-mail the request to the platform's address for its type",
    description:
      "Builds the mail from the template (reference in the subject, the items' URLs, the agency's legal basis, the deadline), stores its exact bytes, sends it through SMTP_URL and records 'sent' at the server's acceptance. Without SMTP_URL the message is only prepared (event null): download it from /api/messages/:id/raw. A request whose mail bounced can be dispatched again.",
  })
  @RequirePermission('requests:respond')
  @HttpCode(200)
  @Post(':id/dispatch')
  async dispatch(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: DispatchDto,
    @CurrentUser() actor: Actor,
  ): Promise<{ message: MessageResponse; event: EventResponse | null }> {
    const { message, event } = await this.outbound.dispatch(id, { language: body.language, note: body.note }, actor);
    return { message: toMessageResponse(message), event: event && toEventResponse(event) };
  }
}
