import { runBotMain } from './run-bot';

// `npm start`: the bot on botbuilder (the Bot Framework SDK), as it always ran.
void runBotMain('botbuilder');
