/** The role matrix lives in shared/ (the renderer shows what a role may not do); the server side re-exports it. */
export * from '../../../shared/team/roleMatrix';
