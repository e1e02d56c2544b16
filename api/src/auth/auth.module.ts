import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefreshToken } from './refresh-token.entity';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { RateLimitGuard } from './rate-limits';
import { RefreshTokensService } from './refresh-tokens.service';
import { SignInService } from './sign-in.service';

@Module({
  imports: [TypeOrmModule.forFeature([RefreshToken]), UsersModule],
  controllers: [AuthController],
  providers: [
    // In this order: the rate limit counts writes per signed-in user, so it runs after authentication.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    SignInService,
    RefreshTokensService,
  ],
})
export class AuthModule {}
